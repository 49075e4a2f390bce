package org.mxagent.crypto.olm.impl;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The loaded libolm and what every object shares: the function table, the {@code olm_error()} value and the
 * random source. Each provider component owns one (JNA itself keeps a single native handle per library); a
 * failed load leaves nothing behind, so installing libolm3 and reactivating the component is enough.
 */
final class Libolm {
    static final String INSTALL_HINT = "install Debian package libolm3 (3.2.x), or put libolm.so.3 on the"
            + " jna.library.path system property";

    private final OlmLibrary lib;
    private final long errorValue;
    private final String version;
    private final SecureRandom random = new SecureRandom();

    private Libolm(OlmLibrary lib) {
        this.lib = lib;
        this.errorValue = lib.olm_error();
        byte[] major = new byte[1];
        byte[] minor = new byte[1];
        byte[] patch = new byte[1];
        lib.olm_get_library_version(major, minor, patch);
        this.version = Byte.toUnsignedInt(major[0]) + "." + Byte.toUnsignedInt(minor[0]) + "."
                + Byte.toUnsignedInt(patch[0]);
        if (Byte.toUnsignedInt(major[0]) != 3 || Byte.toUnsignedInt(minor[0]) < 2) {
            throw new IllegalStateException("libolm " + version + " is too old or of another major version:"
                    + " this binding needs 3.2 or later 3.x (fallback keys, SAS long-KDF MAC); " + INSTALL_HINT);
        }
    }

    /** Loads the library; {@link IllegalStateException} with an install hint if it is missing or too old. */
    static Libolm load() {
        return new Libolm(loadLibrary());
    }

    private static OlmLibrary loadLibrary() {
        // OSGi: JNA looks for its own resources and the library through the thread context class loader,
        // which in a framework is whatever thread activated us; point it at this bundle for the load.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader own = Libolm.class.getClassLoader();
        thread.setContextClassLoader(own);
        try {
            if (Native.SIZE_T_SIZE != Long.BYTES) {
                throw new IllegalStateException("this libolm binding maps size_t to a 64-bit long; the platform's"
                        + " size_t is " + Native.SIZE_T_SIZE + " bytes");
            }
            // JNA tries libolm.so first (absent without a -dev package) and then finds libolm.so.3.x.y.
            return Native.load("olm", OlmLibrary.class, Map.of(Library.OPTION_CLASSLOADER, own));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IllegalStateException("libolm is not available: " + INSTALL_HINT + ". JNA reported: "
                    + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    OlmLibrary lib() {
        return lib;
    }

    /** The value libolm functions return on failure ({@code (size_t)-1}). */
    long errorValue() {
        return errorValue;
    }

    /** The version the library reports, e.g. {@code 3.2.13}. */
    String version() {
        return version;
    }

    SecureRandom random() {
        return random;
    }
}
