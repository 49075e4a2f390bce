package org.mxagent.pty4j.logging;

import java.io.PrintStream;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Where bridged log lines go: the OSGi Log Service of the framework this bundle runs in, looked up per call (pty4j
 * logs rarely, and a per-call lookup follows the Log Service coming and going without a tracker to close), or
 * stderr for warnings and errors when there is no framework, no active bundle context or no Log Service.
 */
final class LogTarget {
    private final Bundle bundle;
    private final PrintStream fallback;

    LogTarget(Bundle bundle, PrintStream fallback) {
        this.bundle = bundle;
        this.fallback = fallback;
    }

    /** The target for the bundle that loaded {@code type}; outside OSGi there is none and stderr is used. */
    static LogTarget forBundleOf(Class<?> type) {
        return new LogTarget(FrameworkUtil.getBundle(type), System.err);
    }

    boolean isEnabled(String name, Level level) {
        Boolean enabled = withLogger(name, logger -> switch (level) {
            case TRACE -> logger.isTraceEnabled();
            case DEBUG -> logger.isDebugEnabled();
            case INFO -> logger.isInfoEnabled();
            case WARN -> logger.isWarnEnabled();
            case ERROR -> logger.isErrorEnabled();
        });
        return enabled != null ? enabled : level.compareTo(Level.WARN) <= 0;
    }

    void log(String name, Level level, String message, Throwable throwable) {
        // "{}" keeps braces inside the already formatted message from being read as placeholders again.
        Boolean logged = withLogger(name, logger -> {
            switch (level) {
                case TRACE -> logger.trace("{}", message, throwable);
                case DEBUG -> logger.debug("{}", message, throwable);
                case INFO -> logger.info("{}", message, throwable);
                case WARN -> logger.warn("{}", message, throwable);
                case ERROR -> logger.error("{}", message, throwable);
            }
            return Boolean.TRUE;
        });
        if (logged == null && level.compareTo(Level.WARN) <= 0) {
            fallback.println(level + " " + name + ": " + message);
            if (throwable != null) {
                throwable.printStackTrace(fallback);
            }
        }
    }

    /** Applies {@code use} to the Log Service logger for {@code name}, or returns null when there is none. */
    private <T> T withLogger(String name, Function<Logger, T> use) {
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return null;
        }
        try {
            ServiceReference<LoggerFactory> reference = context.getServiceReference(LoggerFactory.class);
            LoggerFactory factory = reference == null ? null : context.getService(reference);
            if (factory == null) {
                return null;
            }
            try {
                return use.apply(factory.getLogger(bundle, name, Logger.class));
            } finally {
                context.ungetService(reference);
            }
        } catch (IllegalStateException stoppedMeanwhile) {
            // The bundle stopped between getBundleContext() and the lookup: report through the fallback.
            return null;
        }
    }
}
