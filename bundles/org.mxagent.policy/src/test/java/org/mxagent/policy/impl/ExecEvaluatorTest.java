package org.mxagent.policy.impl;

import org.mxagent.protocol.api.event.RejectReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.Rules;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;

class ExecEvaluatorTest {
    static final String ROOM = "!ops:example.org";
    static final String ALICE = "@alice:example.org";

    private static final String POLICY = """
            [execution]
            env_allowlist = ["CI", "RUST_LOG", "LD_LIBRARY_PATH"]
            read_only_paths = ["/usr"]
            writable_paths = ["/work"]
            max_processes = 64
            max_cpu_seconds = 100
            seccomp = "default"

            [rooms."!ops:example.org"]
            trusted = true
            approvers = ["@lead:example.org"]

            [rooms."!ops:example.org".agents."@alice:example.org"]
            allow_exec = true
            allow_commands = ["ls", "/usr/bin/git", "/opt/tools/build"]
            allow_cwd = ["/work/a", "/srv/data/"]
            deny_args_regex = ['rm\\s+-rf', '^--force$']
            max_runtime_ms = 120000
            max_output_bytes = 4096
            max_processes = 8
            network = "allow"

            [rooms."!ops:example.org".agents."@bob:example.org"]
            allow_commands = ["ls"]
            allow_cwd = ["/work"]

            [rooms."!open:example.org"]
            trusted = true
            raw_exec_default = "allow"

            [rooms."!open:example.org".agents."@bob:example.org"]
            allow_commands = ["ls"]
            allow_cwd = ["/work"]

            [rooms."!open:example.org".agents."@carol:example.org"]
            allow_exec = false
            allow_commands = ["ls"]
            allow_cwd = ["/work"]

            [rooms."!lobby:example.org"]
            raw_exec_default = "allow"

            [rooms."!lobby:example.org".agents."@alice:example.org"]
            allow_exec = true
            allow_commands = ["ls"]
            allow_cwd = ["/work"]
            """;

    /** PATH resolution without touching the disk: git and build live where the allow entries say. */
    private static final CommandResolver RESOLVER = name -> Optional.ofNullable(Map.of(
            "git", Path.of("/usr/bin/git"),
            "build", Path.of("/opt/tools/build"),
            "make", Path.of("/usr/bin/make")).get(name));

    private final ExecEvaluator evaluator = new ExecEvaluator(Policies.parse(POLICY), RESOLVER);

    // --- room known -------------------------------------------------------------------------------------

    @Test
    void unknownRoomIsDenied() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.ROOM_UNKNOWN, exec("!elsewhere:x", ALICE, "/work/a", "ls"));
    }

    @Test
    void knownRoomPassesToTheNextRule() {
        assertAllowed(exec(ROOM, ALICE, "/work/a", "ls"));
    }

    // --- agent known ------------------------------------------------------------------------------------

    @Test
    void unknownRequesterIsDenied() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.AGENT_UNKNOWN,
                exec(ROOM, "@mallory:example.org", "/work/a", "ls"));
    }

    @Test
    void requesterIsLookedUpByMatrixUserIdPerRoom() {
        assertAllowed(exec("!open:example.org", "@bob:example.org", "/work", "ls"));
        assertDenied(RejectReason.POLICY_DENIED, Rules.AGENT_UNKNOWN, exec("!open:example.org", ALICE, "/work", "ls"));
    }

    // --- argv non-empty ---------------------------------------------------------------------------------

    @Test
    void emptyArgvIsDenied() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.ARGV_EMPTY, facts(ROOM, ALICE, "/work/a", List.of(), Set.of()));
    }

    // --- exec allowed (agent flag or room default) ------------------------------------------------------

    @Test
    void roomDefaultDenyAppliesWhenAgentFlagIsUnset() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.EXEC_NOT_ALLOWED, exec(ROOM, "@bob:example.org", "/work", "ls"));
    }

    @Test
    void roomDefaultAllowAppliesWhenAgentFlagIsUnset() {
        assertAllowed(exec("!open:example.org", "@bob:example.org", "/work", "ls"));
    }

    @Test
    void agentFlagFalseBeatsRoomDefaultAllow() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.EXEC_NOT_ALLOWED,
                exec("!open:example.org", "@carol:example.org", "/work", "ls"));
    }

    // --- room trusted -----------------------------------------------------------------------------------

    @Test
    void untrustedRoomIsDeniedEvenForAnAllowedAgent() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.ROOM_UNTRUSTED, exec("!lobby:example.org", ALICE, "/work", "ls"));
    }

    // --- argv[0] allowed --------------------------------------------------------------------------------

    @Test
    void exactBareNameIsAllowed() {
        assertAllowed(exec(ROOM, ALICE, "/work/a", "ls", "-la"));
    }

    @Test
    void exactAbsolutePathIsAllowed() {
        assertAllowed(exec(ROOM, ALICE, "/work/a", "/usr/bin/git", "status"));
    }

    @Test
    void bareNameResolvingToAnAllowedAbsolutePathIsAllowed() {
        assertAllowed(exec(ROOM, ALICE, "/work/a", "git", "status"));
        assertAllowed(exec(ROOM, ALICE, "/work/a", "build"));
    }

    @Test
    void basenameTrickIsDenied() {
        // "ls" is allowed by exact name only: another binary called ls is not ls.
        assertDenied(RejectReason.POLICY_DENIED, Rules.COMMAND_NOT_ALLOWED, exec(ROOM, ALICE, "/work/a", "/tmp/evil/ls"));
        // "/usr/bin/git" is allowed by path only: a git elsewhere is not that git.
        assertDenied(RejectReason.POLICY_DENIED, Rules.COMMAND_NOT_ALLOWED,
                exec(ROOM, ALICE, "/work/a", "/tmp/evil/git"));
    }

    @Test
    void relativePathsNeverMatchByResolution() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.COMMAND_NOT_ALLOWED, exec(ROOM, ALICE, "/work/a", "./ls"));
        assertDenied(RejectReason.POLICY_DENIED, Rules.COMMAND_NOT_ALLOWED, exec(ROOM, ALICE, "/work/a", "bin/git"));
    }

    @Test
    void bareNameResolvingElsewhereIsDenied() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.COMMAND_NOT_ALLOWED, exec(ROOM, ALICE, "/work/a", "make"));
        assertDenied(RejectReason.POLICY_DENIED, Rules.COMMAND_NOT_ALLOWED, exec(ROOM, ALICE, "/work/a", "curl"));
    }

    @Test
    void nonNormalizedAbsolutePathDoesNotMatch() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.COMMAND_NOT_ALLOWED,
                exec(ROOM, ALICE, "/work/a", "/usr/bin/../bin/git"));
    }

    @Test
    void containerSandboxDisablesHostPathResolution() {
        ExecEvaluator containerized = new ExecEvaluator(Policies.parse("""
                [execution]
                default_sandbox = "docker"
                container_image = "debian:bookworm"
                [rooms."!r:x"]
                trusted = true
                [rooms."!r:x".agents."@a:x"]
                allow_exec = true
                allow_commands = ["/usr/bin/git"]
                allow_cwd = ["/work"]
                """), RESOLVER);
        assertDenied(RejectReason.POLICY_DENIED, Rules.COMMAND_NOT_ALLOWED,
                containerized.evaluate(exec("!r:x", "@a:x", "/work", "git")));
        assertInstanceOf(Decision.Allowed.class, containerized.evaluate(exec("!r:x", "@a:x", "/work", "/usr/bin/git")));
    }

    // --- cwd --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/work/a", "/work/a/", "/work/a/b", "/work/a/b/c", "//work/a/b", "/srv/data",
        "/srv/data/x"})
    void cwdAtOrBelowAnAllowedDirectoryIsAllowed(String cwd) {
        assertAllowed(exec(ROOM, ALICE, cwd, "ls"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/work/ab", "/work", "/", "/work/b", "/srv/database", "/work/a/../b", "/work/a/..",
        "/work/a/./b", "/work/a/.", "work/a", "./work/a", "", "/work/a\u0000/b"})
    void cwdOutsideTheAllowedDirectoriesOrNotNormalizedIsDenied(String cwd) {
        assertDenied(RejectReason.POLICY_DENIED, Rules.CWD_NOT_ALLOWED, exec(ROOM, ALICE, cwd, "ls"));
    }

    // --- deny_args_regex --------------------------------------------------------------------------------

    @Test
    void patternAcrossArgumentsMatchesTheJoinedArgv() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.ARGS_DENIED, exec(ROOM, ALICE, "/work/a", "ls", "rm", "-rf"));
    }

    @Test
    void anchoredPatternMatchesASingleArgument() {
        assertDenied(RejectReason.POLICY_DENIED, Rules.ARGS_DENIED, exec(ROOM, ALICE, "/work/a", "/usr/bin/git", "push",
                "--force"));
    }

    @Test
    void argumentsNotMatchingAnyPatternAreAllowed() {
        assertAllowed(exec(ROOM, ALICE, "/work/a", "/usr/bin/git", "push", "--force-with-lease"));
    }

    // --- environment overrides --------------------------------------------------------------------------

    @Test
    void allowlistedOverrideIsAllowed() {
        assertAllowed(facts(ROOM, ALICE, "/work/a", List.of("ls"), Set.of("CI", "RUST_LOG")));
    }

    @Test
    void overrideOutsideTheAllowlistIsDenied() {
        assertDenied(RejectReason.ENV_OVERRIDE_NOT_ALLOWED, Rules.ENV_OVERRIDE_NOT_ALLOWED,
                facts(ROOM, ALICE, "/work/a", List.of("ls"), Set.of("CI", "EDITOR")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "Path", "LD_LIBRARY_PATH", "LD_PRELOAD", "DYLD_INSERT_LIBRARIES",
        "GITHUB_TOKEN", "MY_SECRET", "AWS_REGION", "DEPLOY_KEY", "BAD-NAME"})
    void forbiddenOverridesAreDeniedEvenWhenAllowlisted(String key) {
        // LD_LIBRARY_PATH is in env_allowlist: the child inherits it, but a remote request may not set it.
        assertDenied(RejectReason.ENV_OVERRIDE_NOT_ALLOWED, Rules.ENV_OVERRIDE_NOT_ALLOWED,
                facts(ROOM, ALICE, "/work/a", List.of("ls"), Set.of(key)));
    }

    // --- sandbox required -------------------------------------------------------------------------------

    @Test
    void requireSandboxDeniesAnUnsandboxedChild() {
        ExecEvaluator strict = new ExecEvaluator(Policies.parse("""
                [execution]
                require_sandbox = true
                [rooms."!r:x"]
                trusted = true
                [rooms."!r:x".agents."@a:x"]
                allow_exec = true
                allow_commands = ["ls"]
                allow_cwd = ["/work"]
                [rooms."!r:x".agents."@b:x"]
                allow_exec = true
                allow_commands = ["ls"]
                allow_cwd = ["/work"]
                sandbox = "bubblewrap"
                """), RESOLVER);
        assertDenied(RejectReason.SANDBOX_REQUIRED, Rules.SANDBOX_REQUIRED,
                strict.evaluate(exec("!r:x", "@a:x", "/work", "ls")));
        Decision sandboxed = strict.evaluate(exec("!r:x", "@b:x", "/work", "ls"));
        assertEquals(SandboxKind.BUBBLEWRAP, ((Decision.Allowed) sandboxed).allowance().sandbox());
    }

    // --- the allowance ----------------------------------------------------------------------------------

    @Test
    void allowanceMergesAgentOverExecution() {
        Allowance allowance = assertAllowed(exec(ROOM, ALICE, "/work/a", "ls"));
        assertEquals(120_000, allowance.timeoutMs(), "no timeout requested: the smaller of 600 s and max_runtime_ms");
        assertEquals(OptionalLong.of(4096), allowance.maxOutputBytes());
        assertEquals(SandboxKind.NONE, allowance.sandbox());
        assertEquals(NetworkMode.ALLOW, allowance.network(), "agent network overrides execution's deny");
        assertEquals(OptionalLong.of(8), allowance.maxProcesses(), "agent limit overrides execution's");
        assertEquals(OptionalLong.of(100), allowance.maxCpuSeconds(), "execution limit applies when agent has none");
        assertEquals(OptionalLong.empty(), allowance.maxMemoryBytes());
        assertEquals(SeccompMode.DEFAULT, allowance.seccomp());
        assertEquals(List.of(Path.of("/usr")), allowance.readOnlyPaths());
        assertEquals(List.of(Path.of("/work")), allowance.writablePaths());
        assertEquals(List.of("CI", "RUST_LOG", "LD_LIBRARY_PATH"), allowance.envAllowlist());
        assertEquals(List.of("@lead:example.org"), allowance.approvers());
    }

    @Test
    void effectiveTimeoutIsTheSmallerOfRequestAndPolicy() {
        assertEquals(5_000, allowance(ROOM, ALICE, OptionalLong.of(5_000)).timeoutMs());
        assertEquals(120_000, allowance(ROOM, ALICE, OptionalLong.of(3_600_000)).timeoutMs());
        assertEquals(Allowance.DEFAULT_TIMEOUT_MS,
                allowance("!open:example.org", "@bob:example.org", OptionalLong.empty()).timeoutMs());
        assertEquals(3_600_000, allowance("!open:example.org", "@bob:example.org", OptionalLong.of(3_600_000))
                .timeoutMs(), "without max_runtime_ms the requested timeout stands");
    }

    @Test
    void denyAllPolicyDeniesEverything() {
        Decision decision = new ExecEvaluator(Policy.denyAll(), RESOLVER).evaluate(exec(ROOM, ALICE, "/work/a", "ls"));
        assertDenied(RejectReason.POLICY_DENIED, Rules.ROOM_UNKNOWN, decision);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private Allowance allowance(String room, String user, OptionalLong timeout) {
        Decision decision = evaluator.evaluate(new ExecRequestFacts(room, user, List.of("ls"),
                room.equals(ROOM) ? "/work/a" : "/work", Set.of(), timeout));
        return ((Decision.Allowed) decision).allowance();
    }

    private Allowance assertAllowed(ExecRequestFacts facts) {
        Decision decision = evaluator.evaluate(facts);
        assertTrue(decision.isAllowed(), () -> "expected allowed: " + decision);
        assertEquals(Rules.ALLOW_COMMANDS, decision.rule());
        return ((Decision.Allowed) decision).allowance();
    }

    private void assertDenied(RejectReason reason, String rule, ExecRequestFacts facts) {
        assertDenied(reason, rule, evaluator.evaluate(facts));
    }

    private static void assertDenied(RejectReason reason, String rule, Decision decision) {
        Decision.Denied denied = assertInstanceOf(Decision.Denied.class, decision);
        assertEquals(reason, denied.reason(), denied::toString);
        assertEquals(rule, denied.rule(), denied::toString);
        assertTrue(!denied.detail().isEmpty());
    }

    static ExecRequestFacts exec(String room, String user, String cwd, String... argv) {
        return facts(room, user, cwd, List.of(argv), Set.of());
    }

    static ExecRequestFacts facts(String room, String user, String cwd, List<String> argv, Set<String> env) {
        return new ExecRequestFacts(room, user, argv, cwd, env, OptionalLong.empty());
    }
}
