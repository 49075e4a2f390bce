package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.mxagent.crypto.impl.store.CryptoStore;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.Utility;
import org.mxagent.transport.api.MatrixSession;

/**
 * What every part of one machine shares: who it is, the primitives, the store and the key its pickles are
 * encrypted with, the clock (rotation periods), the log and the counters behind the status.
 */
record MachineContext(MatrixSession session, CryptoProvider provider, Utility utility, CryptoStore store,
        byte[] pickleKey, Clock clock, CryptoLog log, MachineCounters counters, ObjectMapper mapper) {

    String userId() {
        return session.userId();
    }

    String deviceId() {
        return session.deviceId();
    }

    long now() {
        return clock.millis();
    }
}
