package org.mxagent.policy.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.AgentPolicy;
import org.mxagent.policy.api.ExecutionPolicy;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.PolicyException;
import org.mxagent.policy.api.RawExecDefault;
import org.mxagent.policy.api.RoomPolicy;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;

class PolicyParserTest {
    private static final String FULL = """
            [execution]
            default_sandbox = "docker"
            container_image = "debian:bookworm"
            network = "allow"
            read_only_paths = ["/usr", "/etc/ssl"]
            writable_paths = ["/work"]
            env_allowlist = ["CI", "RUST_LOG"]
            max_processes = 64
            max_memory_bytes = 1073741824
            max_cpu_seconds = 120
            seccomp = "default"
            require_sandbox = true

            [rooms."!ops:example.org"]
            trusted = true
            raw_exec_default = "allow"
            require_verified_device = true
            approvers = ["@lead:example.org"]

            [rooms."!ops:example.org".agents."@alice:example.org"]
            allow_exec = true
            allow_tools = ["search", "fmt@1.2.0"]
            allow_commands = ["ls", "/usr/bin/git"]
            allow_cwd = ["/work/a"]
            deny_args_regex = ['rm\\s+-rf']
            max_runtime_ms = 120000
            max_output_bytes = 1048576
            requires_approval = true
            sandbox = "bubblewrap"
            network = "deny"
            max_processes = 8
            max_memory_bytes = 268435456
            max_cpu_seconds = 30
            seccomp = "off"
            require_verified_device = false
            """;

    @Test
    void everyDocumentedKeyIsReadIntoTheTypedModel() {
        Policy policy = Policies.parse(FULL);

        ExecutionPolicy execution = policy.execution();
        assertEquals(SandboxKind.DOCKER, execution.defaultSandbox());
        assertEquals(Optional.of("debian:bookworm"), execution.containerImage());
        assertEquals(NetworkMode.ALLOW, execution.network());
        assertEquals(List.of(Path.of("/usr"), Path.of("/etc/ssl")), execution.readOnlyPaths());
        assertEquals(List.of(Path.of("/work")), execution.writablePaths());
        assertEquals(List.of("CI", "RUST_LOG"), execution.envAllowlist());
        assertEquals(OptionalLong.of(64), execution.maxProcesses());
        assertEquals(OptionalLong.of(1073741824L), execution.maxMemoryBytes());
        assertEquals(OptionalLong.of(120), execution.maxCpuSeconds());
        assertEquals(SeccompMode.DEFAULT, execution.seccomp());
        assertTrue(execution.requireSandbox());

        RoomPolicy room = policy.room("!ops:example.org").orElseThrow();
        assertTrue(room.trusted());
        assertEquals(RawExecDefault.ALLOW, room.rawExecDefault());
        assertTrue(room.requireVerifiedDevice());
        assertEquals(List.of("@lead:example.org"), room.approvers());

        AgentPolicy agent = room.agent("@alice:example.org").orElseThrow();
        assertEquals(Optional.of(true), agent.allowExec());
        assertEquals(List.of("search", "fmt@1.2.0"), agent.allowTools());
        assertEquals(List.of("ls", "/usr/bin/git"), agent.allowCommands());
        assertEquals(List.of(Path.of("/work/a")), agent.allowCwd());
        assertEquals("rm\\s+-rf", agent.denyArgsRegex().get(0).pattern());
        assertEquals(OptionalLong.of(120000), agent.maxRuntimeMs());
        assertEquals(OptionalLong.of(1048576), agent.maxOutputBytes());
        assertTrue(agent.requiresApproval());
        assertEquals(Optional.of(SandboxKind.BUBBLEWRAP), agent.sandbox());
        assertEquals(Optional.of(NetworkMode.DENY), agent.network());
        assertEquals(OptionalLong.of(8), agent.maxProcesses());
        assertEquals(OptionalLong.of(268435456L), agent.maxMemoryBytes());
        assertEquals(OptionalLong.of(30), agent.maxCpuSeconds());
        assertEquals(Optional.of(SeccompMode.OFF), agent.seccomp());
        assertFalse(agent.requireVerifiedDevice());
    }

    @Test
    void omittedKeysTakeTheDenyingDefaults() {
        Policy policy = Policies.parse("""
                [rooms."!r:x".agents."@a:x"]
                """);
        assertEquals(ExecutionPolicy.defaults(), policy.execution());
        RoomPolicy room = policy.room("!r:x").orElseThrow();
        assertFalse(room.trusted());
        assertEquals(RawExecDefault.DENY, room.rawExecDefault());
        AgentPolicy agent = room.agent("@a:x").orElseThrow();
        assertEquals(Optional.empty(), agent.allowExec());
        assertTrue(agent.allowCommands().isEmpty());
        assertTrue(agent.allowCwd().isEmpty());
        assertFalse(agent.requiresApproval());
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        PolicyException error = failure("""
                [execution]
                network = "deny"
                max_processes =
                """);
        assertEquals(OptionalInt.of(3), error.line());
        assertTrue(error.getMessage().startsWith(Policies.FILE + ":3: TOML syntax error: "), error.getMessage());
    }

    @Test
    void unknownKeyNamesDottedPathAndLine() {
        PolicyException error = failure("""
                [rooms."!r:x"]
                trusted = true

                [rooms."!r:x".agents."@a:x"]
                allow_exec = true
                max_runtime = 5
                """);
        assertEquals(Optional.of("rooms.\"!r:x\".agents.\"@a:x\".max_runtime"), error.keyPath());
        assertEquals(OptionalInt.of(6), error.line());
        assertTrue(error.getMessage().startsWith(Policies.FILE + ":6: rooms.\"!r:x\".agents.\"@a:x\".max_runtime:"
                + " unknown key; expected one of allow_commands, "), error.getMessage());
    }

    @Test
    void unknownTopLevelTableIsRejected() {
        PolicyException error = failure("""
                [executoin]
                network = "deny"
                """);
        assertEquals(Optional.of("executoin"), error.keyPath());
        assertEquals(OptionalInt.of(1), error.line());
        assertTrue(error.problem().contains("expected one of execution, rooms"), error.problem());
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndFound() {
        PolicyException error = failure("""
                [rooms."!r:x".agents."@a:x"]
                max_runtime_ms = "ten minutes"
                """);
        assertEquals(Policies.FILE + ":2: rooms.\"!r:x\".agents.\"@a:x\".max_runtime_ms: expected a positive"
                + " integer (milliseconds), found string \"ten minutes\"", error.getMessage());
    }

    @Test
    void zeroAndFractionalLimitsAreRejected() {
        assertTrue(failure("[execution]\nmax_cpu_seconds = 0\n").problem().contains("found integer 0"));
        assertTrue(failure("[execution]\nmax_cpu_seconds = 1.5\n").problem().contains("found number 1.5"));
        assertTrue(failure("[execution]\nmax_memory_bytes = 99999999999999999999\n").problem()
                .contains("positive integer"));
    }

    @Test
    void badEnumValueListsTheAllowedOnes() {
        PolicyException error = failure("""
                [execution]
                network = "sometimes"
                """);
        assertEquals(Optional.of("execution.network"), error.keyPath());
        assertEquals(OptionalInt.of(2), error.line());
        assertTrue(error.problem().contains("expected allow or deny"), error.problem());
        assertTrue(failure("[execution]\nseccomp = \"strict\"\n").problem().contains("expected off or default"));
        assertTrue(failure("[rooms.\"!r:x\"]\nraw_exec_default = \"yes\"\n").problem()
                .contains("expected allow or deny"));
    }

    @Test
    void firejailAndChrootAreRejectedWithAnExplanation() {
        PolicyException firejail = failure("""
                [rooms."!r:x".agents."@a:x"]
                sandbox = "firejail"
                """);
        assertEquals(Optional.of("rooms.\"!r:x\".agents.\"@a:x\".sandbox"), firejail.keyPath());
        assertTrue(firejail.problem().contains("\"firejail\" is not supported"), firejail.problem());
        PolicyException chroot = failure("[execution]\ndefault_sandbox = \"chroot\"\n");
        assertTrue(chroot.problem().contains("\"chroot\" is not supported"), chroot.problem());
        assertTrue(failure("[execution]\ndefault_sandbox = \"jail\"\n").problem()
                .contains("expected one of none, bubblewrap, docker, podman"));
    }

    @Test
    void relativePathsAreRejectedWithTheArrayIndex() {
        PolicyException error = failure("""
                [rooms."!r:x".agents."@a:x"]
                allow_cwd = ["/work", "work/b"]
                """);
        assertEquals(Optional.of("rooms.\"!r:x\".agents.\"@a:x\".allow_cwd[1]"), error.keyPath());
        assertEquals(OptionalInt.of(2), error.line());
        assertTrue(error.problem().contains("\"work/b\" is not an absolute path"), error.problem());
        assertTrue(failure("[execution]\nwritable_paths = [\"/work/../etc\"]\n").problem()
                .contains("contains a '..' segment"));
        assertTrue(failure("[execution]\nread_only_paths = [\"/usr/./lib\"]\n").problem()
                .contains("contains a '.' segment"));
    }

    @Test
    void commandEntriesMustBeBareNamesOrAbsolutePaths() {
        assertTrue(failure("[rooms.\"!r:x\".agents.\"@a:x\"]\nallow_commands = [\"bin/ls\"]\n").problem()
                .contains("is not an absolute path"));
        assertTrue(failure("[rooms.\"!r:x\".agents.\"@a:x\"]\nallow_commands = [\"\"]\n").problem()
                .contains("is not a command name"));
        assertTrue(failure("[rooms.\"!r:x\".agents.\"@a:x\"]\nallow_commands = [\"/usr/bin/\"]\n").problem()
                .contains("ends with /"));
    }

    @Test
    void regexesAreCompiledAtLoad() {
        PolicyException error = failure("""
                [rooms."!r:x".agents."@a:x"]
                deny_args_regex = ['(unclosed']
                """);
        assertEquals(Optional.of("rooms.\"!r:x\".agents.\"@a:x\".deny_args_regex[0]"), error.keyPath());
        assertTrue(error.problem().startsWith("invalid regular expression: "), error.problem());
    }

    @Test
    void roomsAndAgentsAreKeyedByMatrixIds() {
        PolicyException alias = failure("[rooms.\"#ops:x\"]\ntrusted = true\n");
        assertEquals(Optional.of("rooms.\"#ops:x\""), alias.keyPath());
        assertEquals(OptionalInt.of(1), alias.line());
        assertTrue(alias.problem().contains("is a room alias"), alias.problem());
        PolicyException user = failure("[rooms.\"!r:x\".agents.alice]\nallow_exec = true\n");
        assertEquals(Optional.of("rooms.\"!r:x\".agents.alice"), user.keyPath());
        assertTrue(user.problem().contains("not a Matrix user id"), user.problem());
        assertTrue(failure("[rooms.\"!r:x\"]\napprovers = [\"lead\"]\n").problem().contains("not a Matrix user id"));
    }

    @Test
    void toolsMustBeNameOrNameAtVersion() {
        assertTrue(failure("[rooms.\"!r:x\".agents.\"@a:x\"]\nallow_tools = [\"a@b@c\"]\n").problem()
                .contains("expected \"name\" or \"name@version\""));
    }

    @Test
    void secretsCannotBeAllowlisted() {
        PolicyException error = failure("[execution]\nenv_allowlist = [\"CI\", \"GITHUB_TOKEN\"]\n");
        assertEquals(Optional.of("execution.env_allowlist[1]"), error.keyPath());
        assertTrue(error.problem().contains("looks like a secret"), error.problem());
        assertTrue(failure("[execution]\nenv_allowlist = [\"NOT-A-NAME\"]\n").problem()
                .contains("not an environment variable name"));
    }

    @Test
    void containerSandboxNeedsAnImage() {
        PolicyException error = failure("""
                [rooms."!r:x".agents."@a:x"]
                sandbox = "podman"
                """);
        assertEquals(Optional.of("rooms.\"!r:x\".agents.\"@a:x\".sandbox"), error.keyPath());
        assertTrue(error.problem().contains("needs execution.container_image"), error.problem());
    }

    @Test
    void tableExpectedWhereAValueWasGiven() {
        PolicyException error = failure("rooms = 3\n");
        assertEquals(Optional.of("rooms"), error.keyPath());
        assertTrue(error.problem().contains("expected a table, found integer 3"), error.problem());
    }

    @Test
    void absentFileIsNoPolicyAndInvalidUtf8IsAnError(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), PolicyFile.read(dir.resolve("policy.toml")));
        Path binary = dir.resolve("binary.toml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        PolicyException error = assertThrows(PolicyException.class, () -> PolicyFile.read(binary));
        assertTrue(error.getMessage().contains("not valid UTF-8"), error.getMessage());
    }

    @Test
    void exampleInPolicyMdParses() throws Exception {
        String doc = Files.readString(Path.of("POLICY.md"));
        int start = doc.lastIndexOf("```toml\n") + "```toml\n".length();
        Policy example = Policies.parse(doc.substring(start, doc.indexOf("```", start)));
        assertTrue(example.room("!Ops123:example.org").orElseThrow().agent("@builder:example.org").isPresent());
    }

    private static PolicyException failure(String toml) {
        return assertThrows(PolicyException.class, () -> PolicyParser.parse(toml, Policies.FILE));
    }
}
