package org.mxagent.policy.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.mxagent.policy.api.TrustEntry;
import org.mxagent.policy.api.TrustStatus;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link TrustStore} over trust.json in the data directory. A damaged file stops activation: without its
 * revocations no key can be judged, and no trust store service means no request passes.
 */
@Component(service = TrustStore.class)
public final class FileTrustStore implements TrustStore {
    private final TrustFile file;
    private final Clock clock;
    private volatile List<TrustEntry> entries;

    @Activate
    public FileTrustStore(@Reference RuntimeDirectories directories) throws IOException {
        this(directories.dataDir(), Clock.systemUTC());
    }

    FileTrustStore(Path dataDir, Clock clock) throws IOException {
        this.file = new TrustFile(dataDir);
        this.clock = clock;
        this.entries = List.copyOf(file.load());
    }

    @Override
    public boolean isTrusted(String keyId) {
        return TrustRules.isTrusted(entries, keyId);
    }

    @Override
    public List<TrustEntry> list() {
        return entries;
    }

    @Override
    public synchronized TrustEntry approve(String agentId, String keyId, String trustedBy) throws IOException {
        return record(agentId, keyId, Optional.empty(), trustedBy);
    }

    @Override
    public synchronized TrustEntry recordRoomGrant(String agentId, String keyId, String roomId, String trustedBy)
            throws IOException {
        return record(agentId, keyId, Optional.of(KeyIds.requireRoomId(roomId)), trustedBy);
    }

    @Override
    public synchronized List<TrustEntry> revoke(String keyId) throws IOException {
        KeyIds.requireKeyId(keyId);
        long now = clock.instant().getEpochSecond();
        List<TrustEntry> updated = new ArrayList<>();
        List<TrustEntry> revoked = new ArrayList<>();
        for (TrustEntry entry : entries) {
            if (entry.keyId().equals(keyId)) {
                entry = new TrustEntry(entry.agentId(), entry.keyId(), entry.fingerprint(), TrustStatus.REVOKED,
                        entry.room(), entry.trustedBy(), entry.createdAt(),
                        entry.revokedAt().isPresent() ? entry.revokedAt() : OptionalLong.of(now));
                revoked.add(entry);
            }
            updated.add(entry);
        }
        if (revoked.isEmpty()) {
            throw new IllegalArgumentException("no trust entry has key id " + keyId);
        }
        commit(updated);
        return revoked;
    }

    /** Adds or re-enables the entry for (agent, key, room). */
    private TrustEntry record(String agentId, String keyId, Optional<String> room, String trustedBy)
            throws IOException {
        KeyIds.requireAgentId(agentId);
        TrustEntry fresh = new TrustEntry(agentId, keyId, KeyIds.fingerprint(keyId), TrustStatus.TRUSTED, room,
                trustedBy, clock.instant().getEpochSecond(), OptionalLong.empty());
        List<TrustEntry> updated = new ArrayList<>();
        boolean replaced = false;
        for (TrustEntry entry : entries) {
            boolean same = entry.agentId().equals(agentId) && entry.keyId().equals(keyId)
                    && entry.room().equals(room);
            if (same && !(room.isPresent() && entry.status() == TrustStatus.REVOKED)) {
                updated.add(fresh);
                replaced = true;
            } else {
                updated.add(entry);
            }
        }
        if (!replaced) {
            updated.add(fresh);
        }
        commit(updated);
        return fresh;
    }

    /** Persists first, so a failed write leaves the store as it was. */
    private void commit(List<TrustEntry> updated) throws IOException {
        file.save(updated);
        entries = List.copyOf(updated);
    }
}
