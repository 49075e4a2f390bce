package org.mxagent.protocol.api;

import java.security.SecureRandom;
import java.time.Clock;
import org.mxagent.protocol.impl.UlidGenerator;

/** Protocol ids: a type prefix followed by a 26-character ULID, e.g. {@code inv_01JD8X3V5W0Q9Z2M4N6P8R0T2V}. */
public final class Ids {
    public static final String AGENT = "agt_";
    public static final String TASK = "task_";
    public static final String REQUEST = "req_";
    public static final String INVOCATION = "inv_";
    public static final String CONTEXT = "ctx_";

    private static final UlidGenerator ULIDS = new UlidGenerator(Clock.systemUTC(), new SecureRandom());

    private Ids() {}

    public static String newAgentId() {
        return AGENT + ULIDS.next();
    }

    public static String newTaskId() {
        return TASK + ULIDS.next();
    }

    public static String newRequestId() {
        return REQUEST + ULIDS.next();
    }

    public static String newInvocationId() {
        return INVOCATION + ULIDS.next();
    }

    public static String newContextId() {
        return CONTEXT + ULIDS.next();
    }

    /** A bare ULID (monotonic within this JVM). */
    public static String newUlid() {
        return ULIDS.next();
    }

    /**
     * True if {@code id} is {@code prefix} followed by a canonical ULID: 26 upper-case Crockford base32
     * characters, the first one 0..7. Lower-case ULIDs are refused: every known producer emits upper case.
     */
    public static boolean isValid(String prefix, String id) {
        return id != null && prefix != null && id.startsWith(prefix) && UlidGenerator.isUlid(id, prefix.length());
    }
}
