package org.mxagent.crypto.impl.machine;

/** Where the machine reports what it did and what failed (the OSGi Log Service in the bundle, a list in tests). */
public interface CryptoLog {
    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message, Throwable cause);
}
