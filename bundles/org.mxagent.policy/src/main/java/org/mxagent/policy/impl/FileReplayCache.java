package org.mxagent.policy.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mxagent.policy.api.Admission;
import org.mxagent.policy.api.ReplayCache;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The persistent replay cache. Each admission is written to disk (atomically) before it is reported, so a
 * restart cannot forget a burned nonce. A damaged file is quarantined and the cache then refuses everything
 * until the component is restarted.
 */
@Component(service = ReplayCache.class, configurationPid = FileReplayCache.PID)
@Designate(ocd = FileReplayCache.Config.class)
public final class FileReplayCache implements ReplayCache {
    static final String PID = "org.mxagent.policy.replay";
    // Real nonces are 22 characters (16 bytes, unpadded base64); the bound keeps junk out of the file.
    private static final Pattern NONCE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    @ObjectClassDefinition(name = "mx-agent replay cache",
            description = "Remembers request nonces so signed requests cannot be replayed.")
    public @interface Config {
        @AttributeDefinition(description = "Nonces remembered at most; the soonest-expiring is evicted first")
        int capacity() default 8192;

        @AttributeDefinition(description = "Longest accepted expires_at - created_at, in seconds")
        long max_lifetime_seconds() default 300;

        @AttributeDefinition(description = "How far created_at may be ahead of this clock, in seconds")
        long max_clock_skew_seconds() default 60;
    }

    private final ReplayCacheFile file;
    private final RequestWindow window;
    private final NonceTable table;
    private final String failure;
    private String writeFailure;

    @Activate
    public FileReplayCache(@Reference RuntimeDirectories directories,
            @Reference(service = LoggerFactory.class) Logger log, Config config) {
        this(directories.dataDir(), config.capacity(), Duration.ofSeconds(config.max_lifetime_seconds()),
                Duration.ofSeconds(config.max_clock_skew_seconds()), Clock.systemUTC());
        if (failure != null) {
            log.error("replay cache failing closed, every exec and call request is dropped: {}", failure);
        }
    }

    FileReplayCache(Path dataDir, int capacity, Duration maxLifetime, Duration maxSkew, Clock clock) {
        this.file = new ReplayCacheFile(dataDir);
        this.window = new RequestWindow(maxLifetime, maxSkew);
        this.table = new NonceTable(capacity);
        this.failure = loadOrQuarantine(clock.instant());
    }

    /** Fills the table from disk; returns why the cache must fail closed, or null. */
    private String loadOrQuarantine(Instant now) {
        try {
            for (NonceTable.Entry entry : file.load()) {
                table.add(entry.nonce(), entry.expiresAt());
            }
            table.pruneExpired(now);
            return null;
        } catch (IOException damaged) {
            try {
                Path moved = file.quarantine(now);
                return damaged.getMessage() + "; moved to " + moved;
            } catch (IOException stuck) {
                return damaged.getMessage() + "; could not be moved aside either: " + stuck;
            }
        }
    }

    @Override
    public synchronized Admission admit(String nonce, String createdAt, String expiresAt, Instant now) {
        if (failure != null) {
            return Admission.CACHE_UNAVAILABLE;
        }
        if (!NONCE.matcher(nonce).matches()) {
            return Admission.INVALID_NONCE;
        }
        Optional<Instant> created = RequestWindow.parse(createdAt);
        Optional<Instant> expires = RequestWindow.parse(expiresAt);
        if (created.isEmpty() || expires.isEmpty()) {
            return Admission.UNPARSEABLE_TIME;
        }
        Admission inWindow = window.check(created.get(), expires.get(), now);
        if (inWindow != Admission.ADMITTED) {
            return inWindow;
        }
        table.pruneExpired(now);
        if (table.contains(nonce)) {
            return Admission.REPLAYED;
        }
        table.add(nonce, expires.get());
        try {
            file.save(table.entries());
            writeFailure = null;
        } catch (IOException notPersisted) {
            // The nonce stays burned in memory; refusing the request keeps a restart from allowing a replay.
            writeFailure = "cannot write " + file.path() + ": " + notPersisted;
            return Admission.CACHE_UNAVAILABLE;
        }
        return Admission.ADMITTED;
    }

    @Override
    public synchronized int size() {
        return table.size();
    }

    /** The load failure that closed the cache for good, else the failure of the latest write, if any. */
    @Override
    public synchronized Optional<String> failure() {
        return Optional.ofNullable(failure != null ? failure : writeFailure);
    }
}
