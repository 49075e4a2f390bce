package org.mxagent.discovery.impl;

import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.DiscoveryException.Kind;
import org.mxagent.transport.api.MatrixException;

/** Turns homeserver failures into messages a person can act on, with the kind that picks the exit code. */
public final class MatrixFailures {
    private MatrixFailures() {}

    /** {@code action} says what was attempted, e.g. "join #team:example.org". */
    public static DiscoveryException wrap(String action, MatrixException e) {
        String detail = (e.errcode() != null ? e.errcode() + ": " : "") + e.getMessage()
                + (e.status() > 0 ? " (HTTP " + e.status() + ")" : "");
        if (e.isUnknownToken()) {
            return new DiscoveryException(Kind.NOT_LOGGED_IN,
                    action + " failed: the homeserver no longer knows this session; log in again", e);
        }
        if (e.isNetworkError()) {
            return new DiscoveryException(Kind.FAILED, action + " failed: cannot reach the homeserver: "
                    + e.getMessage(), e);
        }
        if ("M_NOT_FOUND".equals(e.errcode()) || e.status() == 404) {
            return new DiscoveryException(Kind.NOT_FOUND, action + " failed: not found: " + detail, e);
        }
        if ("M_ROOM_IN_USE".equals(e.errcode())) {
            return new DiscoveryException(Kind.INVALID, action + " failed: the alias is already taken: " + detail, e);
        }
        if ("M_FORBIDDEN".equals(e.errcode())) {
            return new DiscoveryException(Kind.FAILED, action + " failed: not allowed: " + detail, e);
        }
        return new DiscoveryException(Kind.FAILED, action + " failed: " + detail, e);
    }
}
