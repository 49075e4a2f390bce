package org.mxagent.runtime.impl;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;

/**
 * Writes OSGi log entries to stderr (the daemon's log file) at the level named by MX_AGENT_LOG
 * (error|warn|info|debug|trace, default warn), as one line per entry, or one JSON object per line when
 * MX_AGENT_LOG_FORMAT=json.
 */
@Component(immediate = true)
public final class StderrLogWriter implements LogListener {
    private final LogReaderService reader;
    private final PrintStream out = System.err;
    private final boolean json;
    private final LogLevel threshold;

    @Activate
    public StderrLogWriter(@Reference LogReaderService reader, @Reference LoggerAdmin admin) {
        this.reader = reader;
        Map<String, String> env = System.getenv();
        this.json = "json".equalsIgnoreCase(env.getOrDefault("MX_AGENT_LOG_FORMAT", "human"));
        this.threshold = parseLevel(env.getOrDefault("MX_AGENT_LOG", "warn"));
        admin.getLoggerContext(null).setLogLevels(Map.of(org.osgi.service.log.Logger.ROOT_LOGGER_NAME, threshold));
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    static LogLevel parseLevel(String text) {
        try {
            return LogLevel.valueOf(text.trim().toUpperCase(Locale.ROOT).replace("WARNING", "WARN"));
        } catch (IllegalArgumentException e) {
            return LogLevel.WARN;
        }
    }

    /**
     * The log service also records framework, bundle and service events, bypassing logger levels; those
     * are noise below debug, so they are filtered here along with anything under the threshold.
     */
    static boolean shown(LogLevel threshold, LogLevel level, String message) {
        if (!threshold.implies(level)) {
            return false;
        }
        boolean frameworkEvent = message != null && (message.startsWith("ServiceEvent ")
                || message.startsWith("BundleEvent ") || message.startsWith("FrameworkEvent "));
        return !frameworkEvent || threshold.implies(LogLevel.DEBUG) || level.ordinal() <= LogLevel.WARN.ordinal();
    }

    @Override
    public void logged(LogEntry entry) {
        if (!shown(threshold, entry.getLogLevel(), entry.getMessage())) {
            return;
        }
        String source = entry.getBundle() == null ? "?" : entry.getBundle().getSymbolicName();
        String when = Instant.ofEpochMilli(entry.getTime()).toString();
        if (json) {
            out.println("{\"ts\":\"" + when + "\",\"level\":\"" + entry.getLogLevel() + "\",\"bundle\":"
                    + quote(source) + ",\"message\":" + quote(entry.getMessage())
                    + (entry.getException() == null ? "" : ",\"error\":" + quote(entry.getException().toString()))
                    + "}");
            return;
        }
        out.println(when + " " + entry.getLogLevel() + " " + source + ": " + entry.getMessage());
        if (entry.getException() != null) {
            entry.getException().printStackTrace(out);
        }
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : String.valueOf(text).toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
