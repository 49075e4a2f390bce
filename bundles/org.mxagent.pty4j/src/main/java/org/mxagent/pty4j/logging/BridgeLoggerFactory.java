package org.mxagent.pty4j.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link BridgeLogger} per slf4j logger name, all writing to the same {@link LogTarget}. */
final class BridgeLoggerFactory implements ILoggerFactory {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final LogTarget target;

    BridgeLoggerFactory(LogTarget target) {
        this.target = target;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new BridgeLogger(n, target));
    }
}
