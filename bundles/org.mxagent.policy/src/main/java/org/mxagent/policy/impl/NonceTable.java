package org.mxagent.policy.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Remembered nonces with their expiry, bounded in size. When full, the entry that expires soonest goes first:
 * it is the one whose request has the least time left to be replayed.
 */
final class NonceTable {
    /** One remembered nonce. */
    record Entry(String nonce, Instant expiresAt) {}

    private static final Comparator<Entry> SOONEST_FIRST =
            Comparator.comparing(Entry::expiresAt).thenComparing(Entry::nonce);

    private final int capacity;
    private final Map<String, Entry> byNonce = new HashMap<>();
    private final TreeSet<Entry> byExpiry = new TreeSet<>(SOONEST_FIRST);

    NonceTable(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    boolean contains(String nonce) {
        return byNonce.containsKey(nonce);
    }

    /** Forgets entries whose requests have expired: they can no longer be admitted anyway. */
    void pruneExpired(Instant now) {
        while (!byExpiry.isEmpty() && !byExpiry.first().expiresAt().isAfter(now)) {
            byNonce.remove(byExpiry.pollFirst().nonce());
        }
    }

    /** Records a nonce, evicting the soonest-expiring entries while full. */
    void add(String nonce, Instant expiresAt) {
        Entry previous = byNonce.remove(nonce);
        if (previous != null) {
            byExpiry.remove(previous);
        }
        while (byNonce.size() >= capacity) {
            byNonce.remove(byExpiry.pollFirst().nonce());
        }
        Entry entry = new Entry(nonce, expiresAt);
        byNonce.put(nonce, entry);
        byExpiry.add(entry);
    }

    int size() {
        return byNonce.size();
    }

    /** All entries, soonest-expiring first. */
    List<Entry> entries() {
        return new ArrayList<>(byExpiry);
    }
}
