package org.mxagent.context.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mxagent.context.api.ContextException;
import org.mxagent.protocol.api.ProtocolJson;

class EnvironmentSnapshotTest {
    private static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("PATH", "/usr/bin"), Map.entry("LANG", "C.UTF-8"), Map.entry("LC_ALL", "C"),
            Map.entry("LC_CTYPE", "C.UTF-8"), Map.entry("TZ", "UTC"), Map.entry("TERM", "xterm"),
            Map.entry("SHELL", "/bin/bash"), Map.entry("USER", "dev"), Map.entry("HOME", "/home/dev"),
            Map.entry("EDITOR", "vi"), Map.entry("JAVA_HOME", "/opt/jdk"),
            Map.entry("GITHUB_TOKEN", "ghp_x"), Map.entry("MX_AGENT_PASSWORD", "p"), Map.entry("AWS_REGION", "x"),
            Map.entry("OPENAI_API_KEY", "sk"), Map.entry("MY_SECRET", "s"), Map.entry("DB_PASSWORD", "d"),
            Map.entry("SSH_AUTH_SOCK", "/tmp/agent"), Map.entry("LC_SECRET_THING", "x"),
            Map.entry("GPG_KEY_ID", "k"), Map.entry("MATRIX_ACCESS_TOKEN", "syt"));

    @Test
    void onlyAllowlistedNamesAreSharedSortedAsJson() throws Exception {
        JsonNode json = snapshot(List.of(), List.of());
        assertEquals(List.of("HOME", "LANG", "LC_ALL", "LC_CTYPE", "PATH", "SHELL", "TERM", "TZ", "USER"),
                names(json));
        assertEquals("/usr/bin", json.path("PATH").asText());
    }

    @Test
    void configuredAndRequestedNamesAddToTheDefaults() throws Exception {
        JsonNode json = snapshot(List.of("EDITOR"), List.of("JAVA_*"));
        assertTrue(json.has("EDITOR"));
        assertTrue(json.has("JAVA_HOME"));
    }

    @Test
    void secretsAreNeverSharedEvenWhenAPatternCoversThem() throws Exception {
        JsonNode json = snapshot(List.of("GITHUB_*", "AWS_*", "DB_*", "GPG_*", "MATRIX_*", "SSH_*"), List.of());
        for (String secret : List.of("GITHUB_TOKEN", "AWS_REGION", "DB_PASSWORD", "GPG_KEY_ID", "MATRIX_ACCESS_TOKEN",
                "SSH_AUTH_SOCK", "LC_SECRET_THING")) {
            assertFalse(json.has(secret), secret + " must be scrubbed");
        }
    }

    @Test
    void askingForASecretIsAnErrorNotASilentSkip() {
        for (String name : List.of("GITHUB_TOKEN", "OPENAI_API_KEY", "MY_SECRET", "AWS_*", "api_key")) {
            ContextException e = assertThrows(ContextException.class, () -> snapshot(List.of(), List.of(name)));
            assertEquals(ContextException.Kind.INVALID, e.kind());
            assertTrue(e.getMessage().contains("secret"), e.getMessage());
        }
        assertThrows(ContextException.class, () -> snapshot(List.of(), List.of("*")));
        assertThrows(ContextException.class, () -> snapshot(List.of(), List.of("A B")));
    }

    private static JsonNode snapshot(List<String> configured, List<String> requested) throws Exception {
        return ProtocolJson.parse(EnvironmentSnapshot.snapshot(ENVIRONMENT, configured, requested));
    }

    private static List<String> names(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
