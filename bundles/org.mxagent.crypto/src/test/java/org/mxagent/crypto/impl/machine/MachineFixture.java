package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.crypto.olm.impl.LibolmCryptoProvider;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.transport.api.e2ee.E2eeException;

/** Shared set-up: real libolm, a fake homeserver, devices with SQLite stores in a temp dir. */
abstract class MachineFixture {
    static final String ROOM = "!room:localhost";
    static final CryptoProvider PROVIDER = new LibolmCryptoProvider();

    @TempDir
    Path dir;

    final FakeHomeserver server = new FakeHomeserver();
    final TestClock clock = new TestClock();
    private final List<TestDevice> devices = new ArrayList<>();

    /** A device that has uploaded its keys and synced once. */
    TestDevice device(String user, String deviceId) throws E2eeException {
        TestDevice device = new TestDevice(server, PROVIDER, clock, dir, user, deviceId);
        devices.add(device);
        device.flush();
        device.sync();
        return device;
    }

    ObjectNode settings() {
        return server.mapper().createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2");
    }

    ObjectNode text(String body) {
        return server.mapper().createObjectNode().put("msgtype", "m.text").put("body", body);
    }

    @AfterEach
    void closeDevices() {
        devices.forEach(TestDevice::close);
    }
}
