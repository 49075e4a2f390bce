package org.mxagent.crypto.olm.impl;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Arrays;

/**
 * Native memory for a secret passed into libolm (random bytes that become private keys, pickle keys,
 * private keys, seeds): filled here, handed over as a pointer, zeroed and freed by {@link #close()}. Unlike a
 * {@code byte[]} argument, no copy is left behind in freed native memory.
 */
final class Secret implements AutoCloseable {
    private final Memory memory;
    private final long length;

    private Secret(Memory memory, long length) {
        this.memory = memory;
        this.length = length;
    }

    /** {@code length} bytes from the provider's {@link java.security.SecureRandom}; none for length 0. */
    static Secret random(Libolm olm, long length) {
        if (length == 0) {
            return new Secret(null, 0);
        }
        byte[] bytes = new byte[Math.toIntExact(length)];
        try {
            olm.random().nextBytes(bytes);
            return copyOf(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A native copy of {@code bytes} (the caller still owns and wipes its array). */
    static Secret copyOf(byte[] bytes) {
        if (bytes.length == 0) {
            return new Secret(null, 0);
        }
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        return new Secret(memory, bytes.length);
    }

    /** Zeroed native memory for libolm to write a secret into. */
    static Secret allocate(long length) {
        Memory memory = new Memory(length);
        memory.clear();
        return new Secret(memory, length);
    }

    /** The memory, or null for an empty secret (libolm reads nothing when the length is 0). */
    Pointer pointer() {
        return memory;
    }

    long length() {
        return length;
    }

    /** A Java copy of the first {@code count} bytes. */
    byte[] read(int count) {
        byte[] bytes = new byte[count];
        if (count > 0) {
            memory.read(0, bytes, 0, count);
        }
        return bytes;
    }

    @Override
    public void close() {
        if (memory != null) {
            memory.clear();
            memory.close();
        }
    }
}
