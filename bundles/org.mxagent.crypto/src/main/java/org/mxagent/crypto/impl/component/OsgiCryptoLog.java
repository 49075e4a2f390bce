package org.mxagent.crypto.impl.component;

import org.mxagent.crypto.impl.machine.CryptoLog;
import org.osgi.service.log.Logger;

/** {@link CryptoLog} on the OSGi Log Service, prefixed with the device it is about. */
final class OsgiCryptoLog implements CryptoLog {
    private final Logger log;
    private final String prefix;

    OsgiCryptoLog(Logger log, String prefix) {
        this.log = log;
        this.prefix = prefix + ": ";
    }

    @Override
    public void debug(String message) {
        log.debug("{}{}", prefix, message);
    }

    @Override
    public void info(String message) {
        log.info("{}{}", prefix, message);
    }

    @Override
    public void warn(String message) {
        log.warn("{}{}", prefix, message);
    }

    @Override
    public void error(String message, Throwable cause) {
        log.error("{}{}", prefix, message, cause);
    }
}
