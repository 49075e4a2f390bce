package org.mxagent.policy.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"MATRIX_ACCESS_TOKEN", "MX_AGENT_TOKEN", "MX_AGENT_PASSWORD", "MX_AGENT_RECOVERY_KEY",
        "SSH_AUTH_SOCK", "GITHUB_TOKEN", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "NPM_TOKEN", "AWS_REGION",
        "GOOGLE_APPLICATION_CREDENTIALS", "AZURE_TENANT", "CI_JOB_TOKEN", "DB_PASSWD", "MY_SECRET_THING",
        "SIGNING_PRIVATE", "DEPLOY_KEY", "stripe_apikey", "api-key", "password"})
    void secretNamesAreRecognized(String name) {
        assertTrue(SecretNames.isSecret(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "HOME", "LANG", "CI", "RUST_LOG", "KEYBOARD", "MONKEY", "TERM"})
    void ordinaryNamesAreNot(String name) {
        assertFalse(SecretNames.isSecret(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MX_AGENT_RECOVERY_KEY", "NPM_TOKEN", "ANTHROPIC_API_KEY", "GOOGLE_CREDENTIALS",
        "AZURE_CLIENT_ID", "some_private_thing", "SESSION_COOKIE", "PASSWD", "KEYBOARD", "MONKEY", "keyring"})
    void unshareableNamesIncludeEverySecretAndAnyKeyOrCookie(String name) {
        assertTrue(SecretNames.isUnshareable(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "HOME", "LANG", "EDITOR", "JAVA_HOME", "TERM", "CI"})
    void ordinaryNamesAreShareable(String name) {
        assertFalse(SecretNames.isUnshareable(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "path", "LD_PRELOAD", "ld_library_path", "DYLD_INSERT_LIBRARIES", "GITHUB_TOKEN",
        "1ABC", "A-B", "", "A=B"})
    void forbiddenOverrides(String name) {
        assertTrue(SecretNames.isForbiddenOverride(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CI", "RUST_LOG", "_X", "NODE_ENV"})
    void permittedOverrides(String name) {
        assertFalse(SecretNames.isForbiddenOverride(name), name);
    }
}
