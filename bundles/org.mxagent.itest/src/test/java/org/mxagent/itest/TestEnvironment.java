package org.mxagent.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Set;

/** Environment variables the test run needs; a missing one fails the test with what to do about it. */
final class TestEnvironment {

    /** Base URL of the dev homeserver, e.g. http://127.0.0.1:8008 ({@code dev/matrix/homeserver env}). */
    static final String HOMESERVER = "MX_AGENT_TEST_HOMESERVER";

    /** Synapse's registration_shared_secret ({@code dev/matrix/homeserver env}). */
    static final String REGISTRATION_SECRET = "MX_AGENT_TEST_REGISTRATION_SECRET";

    private static final Set<String> FROM_DEV_HOMESERVER = Set.of(HOMESERVER, REGISTRATION_SECRET);

    private TestEnvironment() {}

    static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            fail("environment variable " + name + " is not set. " + (FROM_DEV_HOMESERVER.contains(name)
                    ? "The in-framework tests need the dev homeserver: run `dev/matrix/homeserver up` and "
                            + "`eval \"$(dev/matrix/homeserver env --export)\"` in the shell that runs Maven"
                    : "It is set for the test framework by -runenv in cnf/test-base.bndrun"));
        }
        return value;
    }
}
