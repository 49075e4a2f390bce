package org.mxagent.cli;

/** Process exit codes (cli.md). */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    /** Not running, not logged in, not found. */
    static final int NOT_FOUND = 3;
    static final int USAGE = 64;
    /** The requester gave up waiting. */
    static final int TIMEOUT = 129;
    /** Integrity failure: a refused share (forged sender, bad signature, size or SHA-256 mismatch). */
    static final int INTEGRITY = 132;

    private ExitCodes() {}
}
