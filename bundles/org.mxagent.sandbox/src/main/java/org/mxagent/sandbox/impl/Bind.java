package org.mxagent.sandbox.impl;

import java.nio.file.Path;

/** One path made visible in the sandbox, read-only or writable. */
record Bind(Path path, boolean writable) {
    int depth() {
        return path.getNameCount();
    }

    boolean covers(Path other) {
        return other.startsWith(path);
    }
}
