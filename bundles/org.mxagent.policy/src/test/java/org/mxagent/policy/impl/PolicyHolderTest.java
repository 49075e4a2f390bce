package org.mxagent.policy.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.PolicyStatus;
import org.mxagent.policy.api.Rules;

class PolicyHolderTest {
    private static final String VALID = """
            [rooms."!r:x"]
            trusted = true
            [rooms."!r:x".agents."@a:x"]
            allow_exec = true
            allow_commands = ["ls"]
            allow_cwd = ["/work"]
            """;

    @TempDir
    Path dir;

    @Test
    void absentFileMeansDenyAll() {
        PolicyHolder holder = holder();
        assertEquals(PolicyStatus.State.ABSENT, holder.status().state());
        assertEquals(Policy.denyAll(), holder.policy());
        Decision decision = holder.evaluateExec(ExecEvaluatorTest.exec("!r:x", "@a:x", "/work", "ls"));
        assertEquals(Rules.ROOM_UNKNOWN, decision.rule());
    }

    @Test
    void validFileIsEnforced() throws IOException {
        Files.writeString(file(), VALID);
        PolicyHolder holder = holder();
        assertEquals(PolicyStatus.State.OK, holder.status().state());
        assertTrue(holder.evaluateExec(ExecEvaluatorTest.exec("!r:x", "@a:x", "/work", "ls")).isAllowed());
    }

    @Test
    void malformedFileAtStartLeavesDenyAllAndSaysWhy() throws IOException {
        Files.writeString(file(), VALID + "surprise = 1\n");
        PolicyHolder holder = holder();
        PolicyStatus status = holder.status();
        assertEquals(PolicyStatus.State.MALFORMED, status.state());
        assertTrue(status.message().orElseThrow().startsWith(file() + ":7: rooms.\"!r:x\".agents.\"@a:x\".surprise:"
                + " unknown key"), status.message().get());
        assertTrue(status.message().get().endsWith("(every request is denied)"), status.message().get());
        assertEquals(Policy.denyAll(), holder.policy());
    }

    @Test
    void malformedReloadKeepsThePreviousPolicy() throws IOException {
        Files.writeString(file(), VALID);
        PolicyHolder holder = holder();
        Policy working = holder.policy();

        Files.writeString(file(), VALID.replace("\"ls\"]", "\"ls\""));
        PolicyStatus status = holder.reload();

        assertEquals(PolicyStatus.State.MALFORMED, status.state());
        assertTrue(status.message().orElseThrow().contains("TOML syntax error"), status.message().get());
        assertTrue(status.message().get().endsWith("(the previously loaded policy stays in force)"));
        assertEquals(working, holder.policy());
        assertTrue(holder.evaluateExec(ExecEvaluatorTest.exec("!r:x", "@a:x", "/work", "ls")).isAllowed());
    }

    @Test
    void fixedFileIsPickedUpOnReloadAndRemovedFileMeansDenyAll() throws IOException {
        Files.writeString(file(), "nonsense");
        PolicyHolder holder = holder();
        Files.writeString(file(), VALID);
        assertEquals(PolicyStatus.State.OK, holder.reload().state());
        assertTrue(holder.status().message().isEmpty());

        Files.delete(file());
        assertEquals(PolicyStatus.State.ABSENT, holder.reload().state());
        assertFalse(holder.evaluateExec(ExecEvaluatorTest.exec("!r:x", "@a:x", "/work", "ls")).isAllowed());
    }

    private PolicyHolder holder() {
        return new PolicyHolder(file(), CommandResolver.none());
    }

    private Path file() {
        return dir.resolve("policy.toml");
    }
}
