package org.mxagent.transport.api;

/**
 * A failed Matrix request: the HTTP status (0 for network errors), the Matrix {@code errcode} if the
 * server sent one, and the server's retry hint for rate limiting.
 */
public class MatrixException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errcode;
    private final long retryAfterMillis;

    public MatrixException(int status, String errcode, String message, long retryAfterMillis, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errcode = errcode;
        this.retryAfterMillis = retryAfterMillis;
    }

    public MatrixException(int status, String errcode, String message) {
        this(status, errcode, message, -1, null);
    }

    public int status() {
        return status;
    }

    /** e.g. {@code M_FORBIDDEN}, {@code M_LIMIT_EXCEEDED}; null when the failure was not a Matrix error. */
    public String errcode() {
        return errcode;
    }

    /** Milliseconds the server asked us to wait, or -1. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    public boolean isNetworkError() {
        return status == 0;
    }

    public boolean isRateLimited() {
        return status == 429 || "M_LIMIT_EXCEEDED".equals(errcode);
    }

    /**
     * A failure that may go away by itself, so the same request may be tried again later: the homeserver (or, for
     * an encrypted send, a key query on it) could not be reached (connection refused or reset, timeout: a
     * restart), answered 5xx, or rate-limited the request (since 1.3). Local failures (not logged in, cannot
     * encrypt, interrupted) are not transient.
     */
    public boolean isTransient() {
        return isRateLimited() || status >= 500 || status == 0 && getCause() instanceof java.io.IOException
                || getCause() instanceof MatrixException cause && cause.isTransient();
    }

    public boolean isUnknownToken() {
        return "M_UNKNOWN_TOKEN".equals(errcode);
    }
}
