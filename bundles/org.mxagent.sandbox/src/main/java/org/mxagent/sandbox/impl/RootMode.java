package org.mxagent.sandbox.impl;

/** What of the host file system a bubblewrap sandbox sees read-only before the policy's binds. */
enum RootMode {
    /** {@code --ro-bind / /}: the whole host, read-only (secrets of the runtime itself are masked). */
    HOST,
    /** Only the system directories (/usr, /bin, /sbin, /lib*, /etc) plus the policy's binds and the cwd. */
    MINIMAL
}
