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

    public boolean isUnknownToken() {
        return "M_UNKNOWN_TOKEN".equals(errcode);
    }
}
