package org.mxagent.crypto.impl.machine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mxagent.transport.api.e2ee.DecryptionFailure;

/** Running totals and the latest failures, for {@code crypto:status}. Thread-safe. */
final class MachineCounters {
    private static final int RECENT = 10;

    /** One failure, kept for display. */
    record Failure(Instant at, String what) {}

    private long decrypted;
    private long encrypted;
    private long roomKeysReceived;
    private long roomKeysShared;
    private long lateDecrypted;
    private long olmFailures;
    private long requestFailures;
    private final Map<DecryptionFailure.Reason, Long> undecryptable = new EnumMap<>(DecryptionFailure.Reason.class);
    private final Deque<Failure> recent = new ArrayDeque<>();

    synchronized void decrypted() {
        decrypted++;
    }

    synchronized void encrypted() {
        encrypted++;
    }

    synchronized void roomKeyReceived() {
        roomKeysReceived++;
    }

    synchronized void roomKeysShared(int devices) {
        roomKeysShared += devices;
    }

    synchronized void lateDecrypted(int count) {
        lateDecrypted += count;
    }

    synchronized void undecryptable(String eventId, String roomId, DecryptionFailure failure) {
        undecryptable.merge(failure.reason(), 1L, Long::sum);
        remember("event " + eventId + " in " + roomId + ": " + failure);
    }

    synchronized void olmFailure(String what) {
        olmFailures++;
        remember(what);
    }

    synchronized void requestFailure(String what) {
        requestFailures++;
        remember(what);
    }

    private void remember(String what) {
        recent.addFirst(new Failure(Instant.now(), what));
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    synchronized String summary() {
        return "decrypted " + decrypted + " (late " + lateDecrypted + "), encrypted " + encrypted
                + ", room keys received " + roomKeysReceived + ", room keys sent to " + roomKeysShared + " devices"
                + ", undecryptable " + (undecryptable.isEmpty() ? "none" : undecryptable)
                + ", Olm failures " + olmFailures + ", request failures " + requestFailures;
    }

    synchronized Map<DecryptionFailure.Reason, Long> undecryptableByReason() {
        return Map.copyOf(undecryptable);
    }

    synchronized long decryptedCount() {
        return decrypted;
    }

    synchronized List<Failure> recentFailures() {
        return List.copyOf(recent);
    }
}
