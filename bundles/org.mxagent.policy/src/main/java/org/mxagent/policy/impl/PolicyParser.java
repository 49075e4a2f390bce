package org.mxagent.policy.impl;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mxagent.policy.api.AgentPolicy;
import org.mxagent.policy.api.ExecutionPolicy;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.PolicyException;
import org.mxagent.policy.api.RoomPolicy;

/** Turns policy.toml text into a validated {@link Policy}, or a {@link PolicyException} saying exactly why not. */
final class PolicyParser {
    private static final TomlMapper TOML = new TomlMapper();
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("execution", "rooms");

    private PolicyParser() {}

    static Policy parse(String text, Path source) throws PolicyException {
        JsonNode root = syntaxTree(text, source);
        PolicyErrors errors = new PolicyErrors(source, new KeyLineLocator(text));
        PolicyValues values = new PolicyValues(errors);
        TomlTable top = new TomlTable(root, KeyPath.root(), errors);
        top.rejectUnknownKeys(TOP_LEVEL_KEYS);

        Optional<TomlTable> executionTable = top.table("execution");
        ExecutionPolicy execution = executionTable.isPresent()
                ? ExecutionSection.read(executionTable.get(), values) : ExecutionPolicy.defaults();
        Map<String, RoomPolicy> rooms = new LinkedHashMap<>();
        Optional<TomlTable> roomTables = top.table("rooms");
        if (roomTables.isPresent()) {
            for (Map.Entry<String, TomlTable> room : roomTables.get().subTables().entrySet()) {
                values.roomId(room.getKey(), room.getValue().path());
                rooms.put(room.getKey(), RoomSection.read(room.getValue(), values));
            }
        }
        requireImageForContainers(execution, rooms, errors);
        return new Policy(execution, rooms);
    }

    private static JsonNode syntaxTree(String text, Path source) throws PolicyException {
        try {
            return TOML.readTree(text);
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            String column = location == null || location.getColumnNr() <= 0 ? ""
                    : " (column " + location.getColumnNr() + ")";
            throw new PolicyException(source, line, null, "TOML syntax error: " + e.getOriginalMessage() + column,
                    e);
        }
    }

    /** A docker/podman sandbox without {@code container_image} could never start: say so at load time. */
    private static void requireImageForContainers(ExecutionPolicy execution, Map<String, RoomPolicy> rooms,
            PolicyErrors errors) throws PolicyException {
        if (execution.containerImage().isPresent()) {
            return;
        }
        String missing = " needs execution.container_image, which is not set";
        if (execution.defaultSandbox().isContainer()) {
            throw errors.at(KeyPath.root().child("execution").child("default_sandbox"),
                    execution.defaultSandbox().wire() + missing);
        }
        for (Map.Entry<String, RoomPolicy> room : rooms.entrySet()) {
            for (Map.Entry<String, AgentPolicy> agent : room.getValue().agents().entrySet()) {
                if (agent.getValue().sandbox().filter(s -> s.isContainer()).isPresent()) {
                    throw errors.at(KeyPath.root().child("rooms").child(room.getKey()).child("agents")
                            .child(agent.getKey()).child("sandbox"), agent.getValue().sandbox().get().wire()
                                    + missing);
                }
            }
        }
    }
}
