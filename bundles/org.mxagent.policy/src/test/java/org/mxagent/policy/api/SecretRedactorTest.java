package org.mxagent.policy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
    @Test
    void secretFlagValuesAreRedactedInBothForms() {
        assertEquals(List.of("deploy", "--token", "REDACTED", "--api-key=REDACTED", "--verbose", "-p", "8080"),
                SecretRedactor.redactArgv(List.of("deploy", "--token", "hunter2", "--api-key=abc123", "--verbose",
                        "-p", "8080")));
    }

    @Test
    void secretAssignmentsAreRedactedAndOthersKept() {
        assertEquals(List.of("env", "GITHUB_TOKEN=REDACTED", "AWS_SECRET_ACCESS_KEY=REDACTED", "CI=true", "make"),
                SecretRedactor.redactArgv(List.of("env", "GITHUB_TOKEN=ghp_x", "AWS_SECRET_ACCESS_KEY=abc", "CI=true",
                        "make")));
    }

    @Test
    void matrixAndApiTokensAreRedactedAnywhere() {
        assertEquals(List.of("curl", "-H", "Authorization: Bearer REDACTED", "REDACTED", "x=REDACTED"),
                SecretRedactor.redactArgv(List.of("curl", "-H", "Authorization: Bearer syt_YWxpY2U_abcDEF_123",
                        "mct_0123456789abcdef", "x=ghp_0123456789abcdefghij0123")));
    }

    @Test
    void flagAtTheEndHasNothingToRedact() {
        assertEquals(List.of("login", "--password"), SecretRedactor.redactArgv(List.of("login", "--password")));
    }

    @Test
    void logLinesAreRedacted() {
        assertEquals("sh -c 'MX_AGENT_PASSWORD=REDACTED run --token REDACTED --name demo'",
                SecretRedactor.redactLine("sh -c 'MX_AGENT_PASSWORD=pw run --token t0k --name demo'"));
        assertEquals("{\"user\":\"@a:x\",\"access_token\":\"REDACTED\"}",
                SecretRedactor.redactLine("{\"user\":\"@a:x\",\"access_token\":\"syt_abc\"}"));
        assertEquals("using key REDACTED now", SecretRedactor.redactLine("using key sk-" + "a".repeat(24) + " now"));
    }

    @Test
    void harmlessTextIsUnchanged() {
        String line = "ls -la /work/a --color=auto PATH=/usr/bin";
        assertEquals(line, SecretRedactor.redactLine(line));
    }
}
