package org.mxagent.exec.impl.requester;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** What one stream delivered to the CLI so far: byte count and SHA-256, to line an artifact up with it. */
final class StreamTally {
    private final MessageDigest digest;
    private long bytes;

    StreamTally() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    synchronized void add(byte[] data, int from, int to) {
        digest.update(data, from, to - from);
        bytes += to - from;
    }

    synchronized long bytes() {
        return bytes;
    }

    /** The digest of everything delivered (the tally cannot be used afterwards). */
    synchronized byte[] finish() {
        return digest.digest();
    }
}
