package org.mxagent.exec.impl.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mxagent.exec.impl.testing.FakeMatrixClient;
import org.mxagent.exec.impl.testing.KeySigner;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ExecAccepted;
import org.mxagent.protocol.api.sign.SigningKey;
import org.mxagent.transport.api.MatrixException;

/** {@link SignedSender#sendRetrying}: one transaction id through a homeserver outage, bounded by the window. */
class SignedSenderRetryTest {
    private static final String ROOM = "!room:test";

    private final FakeMatrixClient client = new FakeMatrixClient("@bob:test");
    private final ClientRef ref = new ClientRef();
    private final AtomicLong nanos = new AtomicLong();
    private final List<Long> waits = new ArrayList<>();

    SignedSenderRetryTest() {
        ref.bind(client);
    }

    private SignedSender sender(Duration window) {
        SendRetry retry = new SendRetry(window, millis -> {
            waits.add(millis);
            nanos.addAndGet(Duration.ofMillis(millis).toNanos());
        }, nanos::get);
        return new SignedSender(ref, new KeySigner(SigningKey.generate()), retry);
    }

    private static MatrixException unreachable() {
        return new MatrixException(0, null, "cannot reach homeserver: Connection refused", -1,
                new ConnectException("Connection refused"));
    }

    @Test
    void anOutageIsRetriedUnderOneTransactionIdAndTheEventIsSentOnce() throws Exception {
        client.failNextSends(unreachable(), unreachable(), new MatrixException(502, null, "Bad Gateway"),
                unreachable(), unreachable());
        List<Integer> told = new ArrayList<>();
        String eventId = sender(Duration.ofMinutes(10)).sendRetrying(ROOM, new ExecAccepted("inv_1"),
                (failures, failure, wait) -> told.add(failures));

        assertTrue(eventId.startsWith("$event"), eventId);
        List<String> attempts = client.attempts();
        assertEquals(6, attempts.size(), attempts::toString);
        assertEquals(1, attempts.stream().distinct().count(), () -> "one transaction id: " + attempts);
        assertEquals(1, client.sent(EventTypes.EXEC_ACCEPTED).size());
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 15000L), waits, "1 s doubling, at most 15 s");
        assertEquals(List.of(1, 2, 3, 4, 5), told);
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        MatrixException forbidden = new MatrixException(403, "M_FORBIDDEN", "not in the room");
        client.failNextSends(forbidden);
        MatrixException thrown = assertThrows(MatrixException.class,
                () -> sender(Duration.ofMinutes(10)).sendRetrying(ROOM, new ExecAccepted("inv_1"),
                        SendRetry.Listener.NONE));
        assertSame(forbidden, thrown);
        assertEquals(1, client.attempts().size());
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void theLastFailureIsThrownOnceTheWindowIsSpent() {
        MatrixException[] outage = new MatrixException[20];
        for (int i = 0; i < outage.length; i++) {
            outage[i] = unreachable();
        }
        client.failNextSends(outage);
        assertThrows(MatrixException.class, () -> sender(Duration.ofSeconds(10)).sendRetrying(ROOM,
                new ExecAccepted("inv_1"), SendRetry.Listener.NONE));
        assertEquals(List.of(1000L, 2000L, 4000L, 3001L), waits, "the last wait ends at the window");
        assertEquals(5, client.attempts().size());
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
        client.failNextSends(unreachable());
        SendRetry retry = new SendRetry(Duration.ofMinutes(1), millis -> {
            throw new InterruptedException("stopping");
        }, nanos::get);
        SignedSender sender = new SignedSender(ref, new KeySigner(SigningKey.generate()), retry);
        assertThrows(MatrixException.class, () -> sender.sendRetrying(ROOM, new ExecAccepted("inv_1"),
                SendRetry.Listener.NONE));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }
}
