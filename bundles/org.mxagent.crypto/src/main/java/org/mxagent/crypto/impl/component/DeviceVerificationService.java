package org.mxagent.crypto.impl.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.mxagent.crypto.api.DeviceInfo;
import org.mxagent.crypto.api.DeviceVerification;
import org.mxagent.crypto.api.VerificationException;
import org.mxagent.crypto.api.VerificationInfo;
import org.mxagent.crypto.impl.machine.OlmMachine;
import org.mxagent.policy.api.DeviceCheck;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.e2ee.OutgoingRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@link DeviceVerification} over the open crypto machine, and the {@link DeviceCheck} that policy's
 * {@code require_verified_device} consults (fail closed: without an open machine no device is verified).
 * User actions send their to-device messages at once through the transport's {@link MatrixClient} (the same
 * requests also stay in the machine's outgoing requests until reported sent, so if no client is there the sync
 * loop sends them after its next batch; a repeat reuses the transaction id and is deduplicated by the server).
 */
@Component(service = {DeviceVerification.class, DeviceCheck.class})
public final class DeviceVerificationService implements DeviceVerification, DeviceCheck {
    private final OlmMachineProvider provider;
    private final Logger log;
    private final List<MatrixClient> clients = new CopyOnWriteArrayList<>();

    @Activate
    public DeviceVerificationService(@Reference OlmMachineProvider provider,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.provider = provider;
        this.log = log;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addClient(MatrixClient client) {
        clients.add(client);
    }

    void removeClient(MatrixClient client) {
        clients.remove(client);
    }

    @Override
    public boolean isVerified(String matrixUserId, Optional<String> deviceId) {
        return deviceId.isPresent() && isVerified(matrixUserId, deviceId.get());
    }

    @Override
    public boolean isVerified(String userId, String deviceId) {
        for (OlmMachine machine : provider.machines()) {
            if (machine.isDeviceVerified(userId, deviceId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<DeviceInfo> devices(Optional<String> userId) throws VerificationException {
        return machine().deviceInfos(userId.orElse(null));
    }

    @Override
    public Optional<DeviceInfo> device(String userId, String deviceId) throws VerificationException {
        return machine().deviceInfos(userId).stream().filter(d -> d.deviceId().equals(deviceId)).findFirst();
    }

    @Override
    public VerificationInfo start(String userId, String deviceId, boolean request) throws VerificationException {
        OlmMachine machine = machine();
        VerificationInfo info;
        try {
            info = machine.startVerification(userId, deviceId, request);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(e.getMessage());
        }
        send(machine);
        return info;
    }

    @Override
    public VerificationInfo accept(String transactionId) throws VerificationException {
        OlmMachine machine = machine();
        VerificationInfo info;
        try {
            info = machine.acceptVerification(transactionId);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new VerificationException(e.getMessage());
        }
        send(machine);
        return info;
    }

    @Override
    public VerificationInfo confirm(String transactionId) throws VerificationException {
        OlmMachine machine = machine();
        VerificationInfo info;
        try {
            info = machine.confirmVerification(transactionId);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new VerificationException(e.getMessage());
        }
        send(machine);
        return info;
    }

    @Override
    public VerificationInfo cancel(String transactionId, boolean mismatch) throws VerificationException {
        OlmMachine machine = machine();
        VerificationInfo info;
        try {
            info = machine.cancelVerification(transactionId, mismatch);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(e.getMessage());
        }
        send(machine);
        return info;
    }

    @Override
    public Optional<VerificationInfo> verification(String transactionId) {
        for (OlmMachine machine : provider.machines()) {
            Optional<VerificationInfo> info = machine.verification(transactionId);
            if (info.isPresent()) {
                return info;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<VerificationInfo> verifications() {
        List<VerificationInfo> all = new ArrayList<>();
        provider.machines().forEach(m -> all.addAll(m.verifications()));
        return all;
    }

    @Override
    public VerificationInfo await(String transactionId, Predicate<VerificationInfo> condition, Duration timeout)
            throws VerificationException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            VerificationInfo info = verification(transactionId).orElseThrow(() -> new VerificationException(
                    "no verification with transaction id " + transactionId));
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (condition.test(info) || info.state().isFinal() || left <= 0) {
                return info;
            }
            provider.awaitVerificationChange(Math.min(left, 1000)); // re-checks at least every second
        }
    }

    private OlmMachine machine() throws VerificationException {
        List<OlmMachine> machines = provider.machines();
        if (machines.isEmpty()) {
            throw new VerificationException("no crypto machine open: the transport opens one when it is logged in"
                    + " (see mx:whoami)");
        }
        return machines.get(0);
    }

    /** Sends the machine's pending verification messages now, through the client of the machine's session. */
    private void send(OlmMachine machine) throws VerificationException {
        Optional<MatrixClient> client = clients.stream().filter(c -> c.session().equals(machine.session()))
                .findFirst();
        if (client.isEmpty()) {
            log.info("no MatrixClient for {} right now: verification messages go out with the next sync",
                    machine.session().userId());
            return;
        }
        for (OutgoingRequest request : machine.verificationRequests()) {
            try {
                machine.markRequestAsSent(request.id(), client.get().request(request.method(), request.path(),
                        request.body()));
            } catch (MatrixException e) {
                machine.markRequestAsFailed(request.id(), e.getMessage());
                throw new VerificationException("sending " + request.path() + " failed (retried after the next"
                        + " sync): " + e.getMessage());
            }
        }
    }
}
