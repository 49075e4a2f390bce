package org.mxagent.crypto.impl.component;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mxagent.crypto.impl.machine.OlmMachine;
import org.mxagent.crypto.impl.store.CryptoStoreException;
import org.mxagent.crypto.impl.store.SqliteCryptoStore;
import org.mxagent.crypto.impl.store.StoreKey;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.runtime.api.PrivateFiles;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.e2ee.E2eeException;
import org.mxagent.transport.api.e2ee.E2eeMachine;
import org.mxagent.transport.api.e2ee.E2eeProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The end-to-end encryption service transports bind: opens an {@link OlmMachine} per device over the Olm/Megolm
 * primitives of the bound {@link CryptoProvider}, with its SQLite store in
 * {@code <dataDir>/crypto/<user>/<device>.sqlite3} and pickles encrypted with {@code <dataDir>/crypto-store-key}.
 * Also registered under its own class for the {@code crypto:} commands of this bundle.
 */
@Component(service = {E2eeProvider.class, OlmMachineProvider.class})
public final class OlmMachineProvider implements E2eeProvider {
    private final Logger log;
    private final Path dataDir;
    private final CryptoProvider crypto;
    private final List<OlmMachine> machines = new CopyOnWriteArrayList<>();
    /** Notified when a machine received verification events; {@link DeviceVerificationService#await} waits on it. */
    private final Object verificationSignal = new Object();

    @Activate
    public OlmMachineProvider(@Reference(service = LoggerFactory.class) Logger log,
            @Reference RuntimeDirectories directories, @Reference CryptoProvider crypto) {
        this.log = log;
        this.dataDir = directories.dataDir();
        this.crypto = crypto;
        log.info("end-to-end encryption available ({})", crypto.name());
    }

    @Override
    public E2eeMachine open(MatrixSession session) throws E2eeException {
        Path file = storeFile(dataDir, session);
        byte[] pickleKey;
        try {
            pickleKey = StoreKey.loadOrCreate(dataDir);
        } catch (IOException e) {
            throw new E2eeException("cannot read the crypto store key " + dataDir.resolve(StoreKey.FILE_NAME) + ": "
                    + e.getMessage(), e);
        }
        SqliteCryptoStore store;
        try {
            PrivateFiles.ensurePrivateDirectory(file.getParent().getParent()); // <dataDir>/crypto
            store = SqliteCryptoStore.open(file, session.userId(), session.deviceId());
        } catch (IOException | CryptoStoreException e) {
            throw new E2eeException("cannot open the crypto store " + file + ": " + e.getMessage(), e);
        }
        OlmMachine machine = OlmMachine.open(session, crypto, store, pickleKey, Clock.systemUTC(),
                new OsgiCryptoLog(log, "crypto " + session.userId() + "/" + session.deviceId()));
        machine.onVerificationChange(this::verificationChanged);
        machines.removeIf(OlmMachine::isClosed);
        machines.add(machine);
        log.info("crypto machine of {} device {} open ({})", session.userId(), session.deviceId(), file);
        return machine;
    }

    /** Where the store of a device lives. */
    static Path storeFile(Path dataDir, MatrixSession session) {
        return dataDir.resolve("crypto").resolve(URLEncoder.encode(session.userId(), StandardCharsets.UTF_8))
                .resolve(URLEncoder.encode(session.deviceId(), StandardCharsets.UTF_8) + ".sqlite3");
    }

    /** The machines opened and not closed yet. */
    public List<OlmMachine> machines() {
        machines.removeIf(OlmMachine::isClosed);
        return List.copyOf(machines);
    }

    void verificationChanged() {
        synchronized (verificationSignal) {
            verificationSignal.notifyAll();
        }
    }

    /** Waits at most {@code millis} for {@link #verificationChanged}. */
    void awaitVerificationChange(long millis) throws InterruptedException {
        synchronized (verificationSignal) {
            verificationSignal.wait(millis);
        }
    }

    @Deactivate
    void deactivate() {
        for (OlmMachine machine : machines) {
            machine.close();
        }
        machines.clear();
    }
}
