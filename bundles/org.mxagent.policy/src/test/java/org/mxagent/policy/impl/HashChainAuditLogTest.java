package org.mxagent.policy.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.AuditDecision;
import org.mxagent.policy.api.AuditException;
import org.mxagent.policy.api.AuditRecord;
import org.mxagent.policy.api.AuditVerification;
import org.mxagent.policy.api.RequestKind;
import org.mxagent.policy.api.SandboxKind;

class HashChainAuditLogTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void recordsAreChainedFromSixtyFourZeros() throws IOException {
        HashChainAuditLog log = new HashChainAuditLog(dir);
        log.record(exec("req-1", List.of("ls", "-la")));
        log.record(call("req-2", "search@1.0"));

        List<JsonNode> lines = lines();
        assertEquals("0".repeat(64), lines.get(0).get("prev_hash").asText());
        assertEquals(lines.get(0).get("hash").asText(), lines.get(1).get("prev_hash").asText());
        assertTrue(lines.get(1).get("hash").asText().matches("[0-9a-f]{64}"));
        assertEquals(AuditVerification.intact(2), log.verify());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    }

    @Test
    void recordCarriesTheProtocolFieldsAndRedactsArgvButNeverCallArgs() throws IOException {
        HashChainAuditLog log = new HashChainAuditLog(dir);
        log.record(exec("inv_1", List.of("deploy", "--token", "hunter2", "API_KEY=abc", "syt_YWxpY2U_secret_x1")));
        log.record(call("inv_2", "search"));

        JsonNode exec = lines().get(0);
        assertEquals("2025-03-01T12:00:00Z", exec.get("ts").asText());
        assertEquals("!ops:x", exec.get("room").asText());
        assertEquals("agt_requester", exec.get("requester").asText());
        assertEquals("@alice:x", exec.get("sender").asText());
        assertEquals("agt_target", exec.get("target").asText());
        assertEquals("inv_1", exec.get("invocation_id").asText());
        assertEquals("exec", exec.get("request").asText());
        assertEquals("[\"deploy\",\"--token\",\"REDACTED\",\"API_KEY=REDACTED\",\"REDACTED\"]",
                exec.get("command").toString());
        assertEquals("allowed", exec.get("decision").asText());
        assertEquals("allow_commands", exec.get("policy_rule").asText());
        assertEquals("bubblewrap", exec.get("sandbox").asText());
        assertFalse(Files.readString(file()).contains("hunter2"));

        JsonNode call = lines().get(1);
        assertEquals("call", call.get("request").asText());
        assertEquals("search", call.get("tool").asText());
        assertFalse(call.has("command"));
        assertFalse(call.has("args"));
    }

    @Test
    void editedLineIsReportedAtItsLineNumber() throws IOException {
        writeThree();
        List<String> text = Files.readAllLines(file());
        text.set(1, text.get(1).replace("\"decision\":\"denied\"", "\"decision\":\"allowed\""));
        Files.write(file(), text);

        AuditVerification result = new HashChainAuditLog(dir).verify();

        assertEquals(OptionalLong.of(2), result.firstBrokenLine());
        assertEquals(1, result.records());
        assertTrue(result.problem().orElseThrow().contains("edited"), result.problem().get());
    }

    @Test
    void recomputedHashOnAnEditedLineBreaksTheNextLine() throws IOException {
        writeThree();
        List<String> text = Files.readAllLines(file());
        // An attacker who also fixes the edited line's own hash still breaks the link to the line after it.
        JsonNode edited = mapper.readTree(text.get(1));
        var body = ((com.fasterxml.jackson.databind.node.ObjectNode) edited).deepCopy();
        String prev = body.remove("prev_hash").asText();
        body.remove("hash");
        body.put("decision", "allowed");
        text.set(1, AuditLine.chained(body, prev));
        Files.write(file(), text);

        assertEquals(OptionalLong.of(3), new HashChainAuditLog(dir).verify().firstBrokenLine());
    }

    @Test
    void removedAndInsertedLinesAreDetected() throws IOException {
        writeThree();
        List<String> text = Files.readAllLines(file());

        Files.write(file(), List.of(text.get(0), text.get(2)));
        assertEquals(OptionalLong.of(2), new HashChainAuditLog(dir).verify().firstBrokenLine());

        Files.write(file(), List.of(text.get(1), text.get(2)));
        assertEquals(OptionalLong.of(1), new HashChainAuditLog(dir).verify().firstBrokenLine());

        Files.write(file(), List.of(text.get(0), text.get(0), text.get(1), text.get(2)));
        assertEquals(OptionalLong.of(2), new HashChainAuditLog(dir).verify().firstBrokenLine());
    }

    @Test
    void whitespaceOnlyEditsAndTornLinesAreDetected() throws IOException {
        writeThree();
        List<String> text = Files.readAllLines(file());
        Files.write(file(), List.of(text.get(0), text.get(1).replace(",", ", "), text.get(2)));
        assertEquals(OptionalLong.of(2), new HashChainAuditLog(dir).verify().firstBrokenLine());

        Files.writeString(file(), text.get(0) + "\n" + text.get(1).substring(0, 40));
        AuditVerification torn = new HashChainAuditLog(dir).verify();
        assertEquals(OptionalLong.of(2), torn.firstBrokenLine());
        assertTrue(torn.problem().orElseThrow().contains("no final newline"), torn.problem().get());
    }

    @Test
    void brokenChainRefusesFurtherWrites() throws IOException {
        writeThree();
        List<String> text = Files.readAllLines(file());
        Files.write(file(), List.of(text.get(0), text.get(2)));

        HashChainAuditLog reopened = new HashChainAuditLog(dir);

        AuditException refused = assertThrows(AuditException.class, () -> reopened.record(exec("r", List.of("ls"))));
        assertTrue(refused.getMessage().contains("broken at line 2"), refused.getMessage());
        assertEquals(2, Files.readAllLines(file()).size());
    }

    @Test
    void reopenedLogContinuesTheChain() throws IOException {
        new HashChainAuditLog(dir).record(exec("r1", List.of("ls")));
        HashChainAuditLog reopened = new HashChainAuditLog(dir);
        reopened.record(exec("r2", List.of("ls")));
        assertEquals(AuditVerification.intact(2), reopened.verify());
    }

    @Test
    void writeThatCannotHappenThrows() throws IOException {
        HashChainAuditLog log = new HashChainAuditLog(dir);
        // Tests run as root here, so a read-only mode would not stop the write: a directory in the way does.
        Files.createDirectory(file());
        assertThrows(AuditException.class, () -> log.record(exec("r", List.of("ls"))));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void fullDiskThrows() throws IOException {
        HashChainAuditLog log = new HashChainAuditLog(dir);
        Files.createSymbolicLink(file(), Path.of("/dev/full"));
        AuditException failure = assertThrows(AuditException.class, () -> log.record(exec("r", List.of("ls"))));
        assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
        Files.delete(file());
    }

    private void writeThree() throws IOException {
        HashChainAuditLog log = new HashChainAuditLog(dir);
        log.record(exec("r1", List.of("ls")));
        log.record(new AuditRecord(Instant.parse("2025-03-01T12:00:01Z"), "!ops:x", "agt_requester", "@alice:x",
                "agt_target", Optional.of("r2"), RequestKind.EXEC, List.of("rm", "-rf", "/"), Optional.empty(),
                AuditDecision.DENIED, "deny:args_denied", Optional.empty()));
        log.record(call("r3", "search"));
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file())) {
            out.add(mapper.readTree(line));
        }
        return out;
    }

    private Path file() {
        return dir.resolve("audit.log");
    }

    static AuditRecord exec(String invocation, List<String> argv) {
        return new AuditRecord(Instant.parse("2025-03-01T12:00:00.750Z"), "!ops:x", "agt_requester", "@alice:x",
                "agt_target", Optional.of(invocation), RequestKind.EXEC, argv, Optional.empty(),
                AuditDecision.ALLOWED, "allow_commands", Optional.of(SandboxKind.BUBBLEWRAP));
    }

    static AuditRecord call(String invocation, String tool) {
        return new AuditRecord(Instant.parse("2025-03-01T12:00:02Z"), "!ops:x", "agt_requester", "@alice:x",
                "agt_target", Optional.of(invocation), RequestKind.CALL, List.of(), Optional.of(tool),
                AuditDecision.ALLOWED, "allow_tools", Optional.empty());
    }
}
