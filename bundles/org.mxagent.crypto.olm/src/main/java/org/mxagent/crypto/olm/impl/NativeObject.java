package org.mxagent.crypto.olm.impl;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.mxagent.crypto.spi.CryptoHandle;
import org.mxagent.crypto.spi.OlmError;
import org.mxagent.crypto.spi.OlmException;

/**
 * One libolm object in memory we allocated ({@code olm_*_size()} bytes) and own. {@link #close()} runs
 * {@code olm_clear_*}, zeroes the memory and frees it, at once. A {@link Cleaner} does the same for handles
 * that become unreachable unclosed: a safety net against leaking key material, never the normal path.
 *
 * <p>Public methods of subclasses are {@code synchronized} and start with {@link #ensureOpen()}, so a native
 * call never runs concurrently with another on the same object or with {@code close()} (which would be a
 * use-after-free). Operations on two objects lock the account before the session.
 */
abstract class NativeObject implements CryptoHandle {
    private static final Cleaner CLEANER = Cleaner.create();

    final Libolm olm;
    final OlmLibrary lib;
    /** The initialised object (the start of its memory). */
    final Pointer ptr;
    private final Cleaner.Cleanable cleanable;
    private boolean closed;

    /**
     * @param size {@code olm_*_size}
     * @param init {@code olm_*(memory)}: initialises the object in the memory
     * @param clear {@code olm_clear_*}: wipes the object's state
     */
    NativeObject(Libolm olm, LongSupplier size, UnaryOperator<Pointer> init, ClearFunction clear) {
        this.olm = olm;
        this.lib = olm.lib();
        Memory memory = new Memory(size.getAsLong());
        memory.clear();
        this.ptr = init.apply(memory);
        this.cleanable = CLEANER.register(this, new Release(memory, ptr, clear));
    }

    /** {@code olm_clear_*} as a function of the object pointer. */
    @FunctionalInterface
    interface ClearFunction {
        long clear(Pointer object);
    }

    /** Frees one object; holds no reference to the handle, so the handle can become unreachable. */
    private record Release(Memory memory, Pointer object, ClearFunction clear) implements Runnable {
        @Override
        public void run() {
            try {
                clear.clear(object);
            } finally {
                memory.clear();
                memory.close();
            }
        }
    }

    /** {@code olm_*_last_error} of this object. */
    abstract String lastError();

    /** {@code olm_*_last_error_code} of this object. */
    abstract int lastErrorCode();

    @Override
    public final synchronized void close() {
        if (!closed) {
            closed = true;
            cleanable.clean();
        }
    }

    @Override
    public final synchronized boolean isClosed() {
        return closed;
    }

    /** Throws {@link IllegalStateException} once closed; called (holding the lock) by every operation. */
    final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
    }

    /** {@code result} unless it is {@code olm_error()}, in which case this object's last error as an exception. */
    final long check(long result, String function) throws OlmException {
        if (result == olm.errorValue()) {
            throw lastException(function);
        }
        return result;
    }

    /**
     * For calls whose failure input cannot cause (buffers sized by libolm itself, random bytes of the length
     * it asked for): a failure is a binding or library bug, reported unchecked.
     */
    final long checkInternal(long result, String function) {
        if (result == olm.errorValue()) {
            OlmException cause = lastException(function);
            throw new IllegalStateException("libolm " + function + " failed unexpectedly: " + cause.olmName(), cause);
        }
        return result;
    }

    final OlmException lastException(String function) {
        String name = lastError();
        OlmError error = OlmError.fromCode(lastErrorCode());
        if (error == OlmError.UNKNOWN_ERROR) {
            error = OlmError.fromName(name);
        }
        return new OlmException(error, function + ": " + name);
    }

    /** The pickle key as native memory to wipe after use; rejects an absent or empty key. */
    static Secret pickleKey(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("a non-empty pickle key is required");
        }
        return Secret.copyOf(key);
    }

    static byte[] ascii(String text, String what) {
        if (text == null) {
            throw new NullPointerException(what);
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static String ascii(byte[] buffer, long length) {
        return new String(buffer, 0, Math.toIntExact(length), StandardCharsets.US_ASCII);
    }

    /** The first {@code length} bytes of {@code buffer}, wiping the buffer (it held a plaintext or secret). */
    static byte[] take(byte[] buffer, long length) {
        int count = Math.toIntExact(length);
        if (count == buffer.length) {
            return buffer;
        }
        byte[] result = Arrays.copyOf(buffer, count);
        Arrays.fill(buffer, (byte) 0);
        return result;
    }

    /** The handle as this provider's class, or {@link IllegalArgumentException} for another provider's. */
    static <T extends NativeObject> T own(Object handle, Class<T> type) {
        if (!type.isInstance(handle)) {
            throw new IllegalArgumentException("expected a libolm " + type.getSimpleName() + ", got "
                    + (handle == null ? "null" : handle.getClass().getName())
                    + ": objects of one crypto provider cannot be passed to another");
        }
        return type.cast(handle);
    }
}
