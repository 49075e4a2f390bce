package org.mxagent.policy.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.Admission;

class FileReplayCacheTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void freshNonceIsAdmittedOnceAndItsReplayRejected() {
        FileReplayCache cache = cache(8192);
        assertEquals(Admission.ADMITTED, admit(cache, "n1", NOW, NOW.plusSeconds(300)));
        assertEquals(Admission.REPLAYED, admit(cache, "n1", NOW, NOW.plusSeconds(300)));
        assertEquals(Admission.ADMITTED, admit(cache, "n2", NOW, NOW.plusSeconds(300)));
        assertEquals(2, cache.size());
    }

    @Test
    void expiredRequestIsRejectedWithoutBeingRecorded() {
        FileReplayCache cache = cache(8192);
        assertEquals(Admission.EXPIRED, admit(cache, "old", NOW.minusSeconds(300), NOW));
        assertEquals(Admission.EXPIRED, admit(cache, "older", NOW.minusSeconds(400), NOW.minusSeconds(100)));
        assertEquals(0, cache.size());
        assertFalse(Files.exists(dir.resolve("replay_cache.json")));
    }

    @Test
    void lifetimeLongerThanTheMaximumIsRejected() {
        FileReplayCache cache = cache(8192);
        assertEquals(Admission.LIFETIME_OUT_OF_BOUNDS, admit(cache, "far", NOW, NOW.plus(Duration.ofDays(1))));
        assertEquals(Admission.LIFETIME_OUT_OF_BOUNDS, admit(cache, "edge", NOW, NOW.plusSeconds(301)));
        assertEquals(Admission.ADMITTED, admit(cache, "max", NOW, NOW.plusSeconds(300)));
    }

    @Test
    void lifetimeMustBePositive() {
        FileReplayCache cache = cache(8192);
        assertEquals(Admission.LIFETIME_OUT_OF_BOUNDS, admit(cache, "neg", NOW.plusSeconds(30), NOW.plusSeconds(10)));
        assertEquals(Admission.LIFETIME_OUT_OF_BOUNDS, admit(cache, "zero", NOW.plusSeconds(10), NOW.plusSeconds(10)));
    }

    @Test
    void createdAtBeyondTheClockSkewIsRejected() {
        FileReplayCache cache = cache(8192);
        assertEquals(Admission.CREATED_IN_FUTURE, admit(cache, "ahead", NOW.plusSeconds(61), NOW.plusSeconds(300)));
        assertEquals(Admission.ADMITTED, admit(cache, "skewed", NOW.plusSeconds(60), NOW.plusSeconds(300)));
    }

    @Test
    void unparseableTimesAndBadNoncesAreRejected() {
        FileReplayCache cache = cache(8192);
        assertEquals(Admission.UNPARSEABLE_TIME, cache.admit("n", "yesterday", NOW.plusSeconds(60).toString(), NOW));
        assertEquals(Admission.UNPARSEABLE_TIME, cache.admit("n", NOW.toString(), "1740830400", NOW));
        assertEquals(Admission.INVALID_NONCE, cache.admit("", NOW.toString(), NOW.plusSeconds(60).toString(), NOW));
        assertEquals(Admission.INVALID_NONCE, cache.admit("a b", NOW.toString(), NOW.plusSeconds(60).toString(), NOW));
        assertEquals(Admission.INVALID_NONCE, cache.admit("x".repeat(129), NOW.toString(),
                NOW.plusSeconds(60).toString(), NOW));
        assertEquals(0, cache.size());
    }

    @Test
    void whenFullTheSoonestExpiringNonceIsEvicted() {
        FileReplayCache cache = cache(3);
        admit(cache, "late", NOW, NOW.plusSeconds(300));
        admit(cache, "soonest", NOW, NOW.plusSeconds(100));
        admit(cache, "middle", NOW, NOW.plusSeconds(200));

        assertEquals(Admission.ADMITTED, admit(cache, "new", NOW, NOW.plusSeconds(250)));

        assertEquals(3, cache.size());
        assertEquals(Admission.ADMITTED, admit(cache, "soonest", NOW, NOW.plusSeconds(100)), "evicted, so forgotten");
        // Re-admitting "soonest" evicted the next soonest, "middle"; the later ones are still remembered.
        assertEquals(Admission.REPLAYED, admit(cache, "late", NOW, NOW.plusSeconds(300)));
        assertEquals(Admission.REPLAYED, admit(cache, "new", NOW, NOW.plusSeconds(250)));
        assertEquals(Admission.ADMITTED, admit(cache, "middle", NOW, NOW.plusSeconds(200)));
    }

    @Test
    void expiredEntriesArePrunedBeforeEvictingLiveOnes() {
        FileReplayCache cache = cache(2);
        admit(cache, "short", NOW, NOW.plusSeconds(10));
        admit(cache, "long", NOW, NOW.plusSeconds(300));
        clock.advance(Duration.ofSeconds(20));
        Instant later = clock.instant();

        assertEquals(Admission.ADMITTED, admit(cache, "next", later, later.plusSeconds(100), later));

        assertEquals(2, cache.size());
        assertEquals(Admission.REPLAYED, admit(cache, "long", NOW, NOW.plusSeconds(300), later));
    }

    @Test
    void admittedNoncesSurviveARestartInAnOwnerOnlyFile() throws IOException {
        admit(cache(8192), "persisted", NOW, NOW.plusSeconds(300));

        Path file = dir.resolve("replay_cache.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        FileReplayCache restarted = cache(8192);
        assertEquals(1, restarted.size());
        assertEquals(Admission.REPLAYED, admit(restarted, "persisted", NOW, NOW.plusSeconds(300)));
    }

    @Test
    void entriesExpiredWhileStoppedAreDroppedAtStart() {
        admit(cache(8192), "stale", NOW, NOW.plusSeconds(30));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, cache(8192).size());
    }

    @Test
    void corruptFileFailsClosedAndIsQuarantined() throws IOException {
        Path file = dir.resolve("replay_cache.json");
        Files.writeString(file, "{\"version\":1,\"nonces\":[{\"nonce\":");

        FileReplayCache cache = cache(8192);

        assertEquals(Admission.CACHE_UNAVAILABLE, admit(cache, "any", NOW, NOW.plusSeconds(60)));
        assertEquals(Admission.CACHE_UNAVAILABLE, admit(cache, "other", NOW, NOW.plusSeconds(60)));
        assertTrue(cache.failure().orElseThrow().contains("not valid JSON"), cache.failure().get());
        assertFalse(Files.exists(file));
        List<Path> quarantined = quarantined();
        assertEquals(List.of(dir.resolve("replay_cache.json.corrupt-20250301T120000000Z")), quarantined);
        assertEquals("{\"version\":1,\"nonces\":[{\"nonce\":", Files.readString(quarantined.get(0)));
    }

    @Test
    void wellFormedJsonOfTheWrongShapeIsCorruptToo() throws IOException {
        Files.writeString(dir.resolve("replay_cache.json"), "{\"version\":1,\"nonces\":[{\"nonce\":7}]}");
        FileReplayCache cache = cache(8192);
        assertEquals(Admission.CACHE_UNAVAILABLE, admit(cache, "any", NOW, NOW.plusSeconds(60)));
        assertEquals(1, quarantined().size());
    }

    @Test
    void failedWriteRefusesTheRequestButKeepsTheNonceBurned() throws IOException {
        FileReplayCache cache = cache(8192);
        Path blocker = dir.resolve("replay_cache.json");
        Files.createDirectory(blocker);
        Files.writeString(blocker.resolve("occupied"), "a non-empty directory cannot be replaced by a rename");

        assertEquals(Admission.CACHE_UNAVAILABLE, admit(cache, "n", NOW, NOW.plusSeconds(60)));
        assertTrue(cache.failure().isPresent());
        assertEquals(Admission.REPLAYED, admit(cache, "n", NOW, NOW.plusSeconds(60)));
    }

    private List<Path> quarantined() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("replay_cache.json.corrupt-")).toList();
        }
    }

    private FileReplayCache cache(int capacity) {
        return new FileReplayCache(dir, capacity, Duration.ofSeconds(300), Duration.ofSeconds(60), clock);
    }

    private Admission admit(FileReplayCache cache, String nonce, Instant created, Instant expires) {
        return admit(cache, nonce, created, expires, NOW);
    }

    private static Admission admit(FileReplayCache cache, String nonce, Instant created, Instant expires, Instant now) {
        return cache.admit(nonce, created.toString(), expires.toString(), now);
    }
}
