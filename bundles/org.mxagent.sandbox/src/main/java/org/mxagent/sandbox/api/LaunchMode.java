package org.mxagent.sandbox.api;

/** How the child is attached: pipes for batch runs, a pseudo-terminal for interactive ones. */
public enum LaunchMode {
    /** stdin/stdout/stderr are pipes; the child may be moved to a session of its own. */
    BATCH,
    /** stdio is a PTY that must stay the child's controlling terminal (no new session in the sandbox). */
    PTY
}
