package org.mxagent.policy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {
    private static final Map<String, String> INHERITED = Map.ofEntries(
            Map.entry("PATH", "/usr/bin:/bin"),
            Map.entry("HOME", "/home/op"),
            Map.entry("USER", "op"),
            Map.entry("LANG", "C.UTF-8"),
            Map.entry("TERM", "xterm"),
            Map.entry("PWD", "/home/op/daemon"),
            Map.entry("CI", "1"),
            Map.entry("EDITOR", "vi"),
            Map.entry("LD_PRELOAD", "/tmp/evil.so"),
            Map.entry("MATRIX_ACCESS_TOKEN", "syt_x"),
            Map.entry("MX_AGENT_PASSWORD", "pw"),
            Map.entry("SSH_AUTH_SOCK", "/run/ssh.sock"),
            Map.entry("AWS_PROFILE", "prod"),
            Map.entry("GOOGLE_CLOUD_PROJECT", "p"),
            Map.entry("AZURE_CLIENT_ID", "c"),
            Map.entry("MY_SERVICE_TOKEN", "t"),
            Map.entry("SIGNING_KEY", "k"));

    @Test
    void childGetsDefaultsAndAllowlistedNamesMinusSecrets() {
        // Even allowlisted, secret names never pass; allowlisted names the runtime lacks are simply absent.
        Map<String, String> child = ChildEnvironment.build(INHERITED,
                List.of("CI", "AWS_PROFILE", "MY_SERVICE_TOKEN", "ABSENT"), Map.of(), "/work/a");
        Map<String, String> expected = new TreeMap<>(Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/op", "USER", "op",
                "LANG", "C.UTF-8", "TERM", "xterm", "PWD", "/work/a", "CI", "1"));
        assertEquals(expected, child);
    }

    @Test
    void allowedOverridesAreAddedAndReplaceInheritedValues() {
        Map<String, String> child = ChildEnvironment.build(INHERITED, List.of("CI", "RUST_LOG"),
                Map.of("CI", "0", "RUST_LOG", "debug"), "/work");
        assertEquals("0", child.get("CI"));
        assertEquals("debug", child.get("RUST_LOG"));
    }

    @Test
    void overridesPolicyShouldHaveRefusedAreRefusedAgain() {
        assertThrows(IllegalArgumentException.class, () -> ChildEnvironment.build(INHERITED, List.of("CI"),
                Map.of("EDITOR", "ed"), "/work"));
        assertThrows(IllegalArgumentException.class, () -> ChildEnvironment.build(INHERITED, List.of("LD_PRELOAD"),
                Map.of("LD_PRELOAD", "/tmp/x.so"), "/work"));
        assertThrows(IllegalArgumentException.class, () -> ChildEnvironment.build(INHERITED, List.of("PATH"),
                Map.of("PATH", "/tmp"), "/work"));
    }

    @Test
    void inheritedLoaderVariablesPassOnlyWhenAllowlisted() {
        assertEquals(null, ChildEnvironment.build(INHERITED, List.of(), Map.of(), "/w").get("LD_PRELOAD"));
        assertEquals("/tmp/evil.so",
                ChildEnvironment.build(INHERITED, List.of("LD_PRELOAD"), Map.of(), "/w").get("LD_PRELOAD"));
    }
}
