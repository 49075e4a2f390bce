package org.mxagent.discovery.impl.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mxagent.discovery.api.Liveness;

class LivenessJudgeTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void thresholdsAreNinetyAndThreeHundredSeconds() {
        assertEquals(Liveness.ACTIVE, LivenessJudge.verdict(NOW, NOW));
        assertEquals(Liveness.ACTIVE, LivenessJudge.verdict(NOW - 89_999, NOW));
        assertEquals(Liveness.STALE, LivenessJudge.verdict(NOW - 90_000, NOW));
        assertEquals(Liveness.STALE, LivenessJudge.verdict(NOW - 299_999, NOW));
        assertEquals(Liveness.OFFLINE, LivenessJudge.verdict(NOW - 300_000, NOW));
        assertEquals(Liveness.OFFLINE, LivenessJudge.verdict(0, NOW));
    }

    @Test
    void aTimeInTheFutureCountsAsJustSeen() {
        assertEquals(Liveness.ACTIVE, LivenessJudge.verdict(NOW + 3_600_000, NOW));
    }

    @Test
    void publishedOfflineStatusIsOfflineWhateverTheTimes() {
        assertEquals(Liveness.OFFLINE, LivenessJudge.verdict("offline", NOW, NOW));
        assertEquals(Liveness.ACTIVE, LivenessJudge.verdict("online", NOW, NOW));
    }

    @Test
    void claimedTimesAreCappedAtTheHomeserversReceiptTime() {
        assertEquals(NOW, LivenessJudge.bounded(NOW + 3_600_000, NOW));
        assertEquals(NOW - 5, LivenessJudge.bounded(NOW - 5, NOW));
        assertEquals(NOW + 7, LivenessJudge.bounded(NOW + 7, 0), "unknown receipt time leaves the claim");
    }

    @Test
    void wireNames() {
        assertEquals("active", Liveness.ACTIVE.wire());
        assertEquals("stale", Liveness.STALE.wire());
        assertEquals("offline", Liveness.OFFLINE.wire());
    }
}
