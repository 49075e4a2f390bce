package org.mxagent.daemon.impl.auth;

import java.net.URI;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.transport.api.MatrixException;

/** Turns transport failures into messages a person at the CLI can act on. */
final class MatrixErrors {
    private MatrixErrors() {}

    static IpcException login(URI homeserver, MatrixException e) {
        if ("M_FORBIDDEN".equals(e.errcode())) {
            return IpcException.failed("invalid username or password");
        }
        if ("M_USER_DEACTIVATED".equals(e.errcode())) {
            return IpcException.failed("the account is deactivated");
        }
        return other("login", homeserver, e);
    }

    static IpcException other(String action, URI homeserver, MatrixException e) {
        if (e.isNetworkError()) {
            // Transports may already phrase it this way; do not say it twice.
            String message = e.getMessage() != null && e.getMessage().startsWith("cannot reach homeserver")
                    ? e.getMessage() : "cannot reach homeserver " + homeserver + ": " + rootReason(e);
            return IpcException.failed(message, e);
        }
        if (e.isRateLimited()) {
            String wait = e.retryAfterMillis() > 0 ? "; try again in " + (e.retryAfterMillis() + 999) / 1000 + " s"
                    : "; try again later";
            return IpcException.failed("homeserver " + homeserver + " is rate limiting requests" + wait);
        }
        if (e.isUnknownToken()) {
            return IpcException.notFound("the homeserver no longer knows this session; log in again");
        }
        StringBuilder message = new StringBuilder(action).append(" failed: ");
        if (e.errcode() != null) {
            message.append(e.errcode()).append(' ');
        }
        message.append(reason(e));
        if (e.status() > 0) {
            message.append(" (HTTP ").append(e.status()).append(')');
        }
        return IpcException.failed(message.toString(), e);
    }

    /** The innermost cause says what actually went wrong (refused, timed out, unknown host). */
    private static String rootReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null && !root.getMessage().isBlank() ? root.getMessage()
                : root.getClass().getSimpleName();
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
