package org.mxagent.context.impl;

import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextException.Kind;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.transport.api.MatrixException;

/** Homeserver and discovery failures as context failures, with messages a person can act on. */
final class Failures {
    private Failures() {}

    static ContextException matrix(String action, MatrixException e) {
        String detail = (e.errcode() != null ? e.errcode() + ": " : "") + e.getMessage()
                + (e.status() > 0 ? " (HTTP " + e.status() + ")" : "");
        if (e.isUnknownToken()) {
            return new ContextException(Kind.NOT_LOGGED_IN, action + " failed: the homeserver no longer knows this "
                    + "session; log in again", e);
        }
        if ("M_NOT_FOUND".equals(e.errcode()) || e.status() == 404) {
            return new ContextException(Kind.NOT_FOUND, action + " failed: not found: " + detail, e);
        }
        return new ContextException(Kind.FAILED, action + " failed: " + detail, e);
    }

    static ContextException discovery(DiscoveryException e) {
        Kind kind = switch (e.kind()) {
            case NOT_LOGGED_IN -> Kind.NOT_LOGGED_IN;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case INVALID -> Kind.INVALID;
            case FAILED -> Kind.FAILED;
        };
        return new ContextException(kind, e.getMessage(), e);
    }
}
