package org.mxagent.policy.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.TrustEntry;
import org.mxagent.policy.api.TrustStatus;

class FileTrustStoreTest {
    static final String AGENT = "agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB";
    static final String OTHER_AGENT = "agt_01HZY3M6W8K9Q2R4T5V7X9Z1CD";
    static final String KEY = "mxagent-ed25519:" + "A".repeat(42) + "0";
    static final String OTHER_KEY = "mxagent-ed25519:" + "B".repeat(42) + "+";
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);

    @Test
    void unknownKeyIsNotTrusted() throws IOException {
        assertFalse(store().isTrusted(KEY));
    }

    @Test
    void approvedKeyIsTrustedWithDerivedFingerprint() throws IOException {
        FileTrustStore store = store();
        TrustEntry entry = store.approve(AGENT, KEY, "local:op");

        assertTrue(store.isTrusted(KEY));
        assertFalse(store.isTrusted(OTHER_KEY));
        assertEquals(new TrustEntry(AGENT, KEY, "SHA256:" + "A".repeat(42) + "0", TrustStatus.TRUSTED,
                Optional.empty(), "local:op", START.getEpochSecond(), OptionalLong.empty()), entry);
        assertEquals(List.of(entry), store.list());
    }

    @Test
    void revokedKeyIsNotTrustedAndRecordsWhen() throws IOException {
        FileTrustStore store = store();
        store.approve(AGENT, KEY, "local:op");
        clock.advance(Duration.ofHours(1));

        List<TrustEntry> revoked = store.revoke(KEY);

        assertFalse(store.isTrusted(KEY));
        assertEquals(TrustStatus.REVOKED, revoked.get(0).status());
        assertEquals(OptionalLong.of(START.getEpochSecond() + 3600), revoked.get(0).revokedAt());
    }

    @Test
    void revocationWinsOverALaterRoomGrant() throws IOException {
        FileTrustStore store = store();
        store.recordRoomGrant(AGENT, KEY, "!ops:x", "@lead:x");
        store.revoke(KEY);
        clock.advance(Duration.ofDays(1));

        store.recordRoomGrant(AGENT, KEY, "!ops:x", "@lead:x");
        store.recordRoomGrant(AGENT, KEY, "!other:x", "@someone:x");

        assertFalse(store.isTrusted(KEY));
    }

    @Test
    void localRevocationWinsOverRoomGrants() throws IOException {
        FileTrustStore store = store();
        store.approve(AGENT, KEY, "local:op");
        store.revoke(KEY);
        store.recordRoomGrant(AGENT, KEY, "!ops:x", "@lead:x");
        assertFalse(store.isTrusted(KEY));
    }

    @Test
    void localApprovalWinsOverARoomRevocation() throws IOException {
        FileTrustStore store = store();
        store.recordRoomGrant(AGENT, KEY, "!ops:x", "@lead:x");
        store.revoke(KEY);
        // The operator deliberately re-trusts: the local record decides.
        store.approve(AGENT, KEY, "local:op");
        assertTrue(store.isTrusted(KEY));
    }

    @Test
    void roomGrantAloneTrustsAKey() throws IOException {
        FileTrustStore store = store();
        store.recordRoomGrant(AGENT, KEY, "!ops:x", "@lead:x");
        assertTrue(store.isTrusted(KEY));
    }

    @Test
    void trustIsByKeyIdAcrossAgents() throws IOException {
        FileTrustStore store = store();
        store.approve(OTHER_AGENT, KEY, "local:op");
        assertTrue(store.isTrusted(KEY));
    }

    @Test
    void changesPersistInAnOwnerOnlyFile() throws IOException {
        FileTrustStore store = store();
        store.approve(AGENT, KEY, "local:op");
        store.approve(OTHER_AGENT, OTHER_KEY, "local:op");
        store.revoke(OTHER_KEY);

        FileTrustStore reopened = store();

        assertEquals(store.list(), reopened.list());
        assertTrue(reopened.isTrusted(KEY));
        assertFalse(reopened.isTrusted(OTHER_KEY));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("trust.json"))));
    }

    @Test
    void reapprovingReplacesTheEntryInsteadOfDuplicatingIt() throws IOException {
        FileTrustStore store = store();
        store.approve(AGENT, KEY, "local:op");
        store.revoke(KEY);
        store.approve(AGENT, KEY, "local:op");
        assertEquals(1, store.list().size());
        assertTrue(store.isTrusted(KEY));
    }

    @Test
    void malformedIdsAreRefused() throws IOException {
        FileTrustStore store = store();
        assertThrows(IllegalArgumentException.class, () -> store.approve("alice", KEY, "local:op"));
        assertThrows(IllegalArgumentException.class, () -> store.approve(AGENT, "ed25519:abc", "local:op"));
        assertThrows(IllegalArgumentException.class, () -> store.recordRoomGrant(AGENT, KEY, "#alias:x", "@a:x"));
        assertThrows(IllegalArgumentException.class, () -> store.revoke(KEY), "no entry to revoke");
        assertTrue(store.list().isEmpty());
    }

    @Test
    void failedWriteLeavesTheStoreUnchanged() throws IOException {
        FileTrustStore store = store();
        Path blocker = dir.resolve("trust.json");
        Files.createDirectory(blocker);
        Files.writeString(blocker.resolve("occupied"), "a non-empty directory cannot be replaced by a rename");

        assertThrows(IOException.class, () -> store.approve(AGENT, KEY, "local:op"));
        assertFalse(store.isTrusted(KEY));
        assertTrue(store.list().isEmpty());
    }

    @Test
    void damagedFileStopsTheStoreFromOpening() throws IOException {
        Files.writeString(dir.resolve("trust.json"), "{\"version\":1,\"entries\":[{\"key_id\":\"x\"}]}");
        IOException error = assertThrows(IOException.class, this::store);
        assertTrue(error.getMessage().contains("entry 0"), error.getMessage());
    }

    private FileTrustStore store() throws IOException {
        return new FileTrustStore(dir, clock);
    }
}
