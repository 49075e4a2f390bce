package org.mxagent.policy.api;

/** The two privileged request types, spelled as in the audit log's {@code request} field. */
public enum RequestKind {
    EXEC("exec"),
    CALL("call");

    private final String wire;

    RequestKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
