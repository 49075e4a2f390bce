package org.mxagent.crypto.impl.component;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.mxagent.crypto.api.DeviceInfo;
import org.mxagent.crypto.api.DeviceVerification;
import org.mxagent.crypto.api.VerificationException;
import org.mxagent.crypto.api.VerificationInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code device}: list, show, verify. */
@Component(service = DeviceCommands.class, property = {"osgi.command.scope=device", "osgi.command.function=list",
    "osgi.command.function=show", "osgi.command.function=verify"})
public final class DeviceCommands {
    static final Duration SAS_WAIT = Duration.ofSeconds(60);
    private final DeviceVerification verification;

    @Activate
    public DeviceCommands(@Reference DeviceVerification verification) {
        this.verification = verification;
    }

    @Descriptor("devices of all tracked users, with their verified flag")
    public String list() throws VerificationException {
        return format(verification.devices(Optional.empty()));
    }

    @Descriptor("devices of one user, with their verified flag")
    public String list(@Descriptor("Matrix user id") String userId) throws VerificationException {
        return format(verification.devices(Optional.of(userId)));
    }

    @Descriptor("one device: keys, verified flag, verifications with it")
    public String show(@Descriptor("Matrix user id") String userId, @Descriptor("device id") String deviceId)
            throws VerificationException {
        DeviceInfo device = verification.device(userId, deviceId).orElseThrow(() -> new VerificationException(
                "unknown device " + deviceId + " of " + userId));
        StringBuilder out = new StringBuilder(VerificationText.device(device)).append("\n  curve25519 ")
                .append(device.curve25519());
        verification.verifications().stream().filter(v -> v.otherUserId().equals(userId)
                && v.otherDeviceId().equals(deviceId)).forEach(v -> out.append('\n')
                        .append(VerificationText.verification(v)));
        return out.toString();
    }

    @Descriptor("verifications in progress and recently ended")
    public String verify() {
        return verification.verifications().stream().map(VerificationText::verification)
                .collect(Collectors.joining("\n"));
    }

    @Descriptor("device:verify start <user> <device> [request|direct] (waits up to 60 s for the SAS) | accept <txn>"
            + " | confirm <txn> | mismatch <txn> | cancel <txn> | status <txn>")
    public String verify(@Descriptor("start|accept|confirm|mismatch|cancel|status") String action,
            @Descriptor("arguments") String... args) throws VerificationException, InterruptedException {
        return switch (action) {
            case "start" -> {
                if (args.length < 2) {
                    throw new VerificationException("usage: device:verify start <user> <device> [request|direct]");
                }
                boolean request = args.length < 3 || !args[2].equals("direct");
                VerificationInfo info = verification.start(args[0], args[1], request);
                yield VerificationText.verification(verification.await(info.transactionId(),
                        VerificationInfo::hasSas, SAS_WAIT));
            }
            case "accept" -> VerificationText.verification(verification.await(
                    verification.accept(txn(args)).transactionId(), VerificationInfo::hasSas, SAS_WAIT));
            case "confirm" -> VerificationText.verification(verification.confirm(txn(args)));
            case "mismatch" -> VerificationText.verification(verification.cancel(txn(args), true));
            case "cancel" -> VerificationText.verification(verification.cancel(txn(args), false));
            case "status" -> {
                String txn = txn(args);
                yield VerificationText.verification(verification.verification(txn).orElseThrow(
                        () -> new VerificationException("no verification " + txn)));
            }
            default -> throw new VerificationException("unknown action " + action
                    + " (start, accept, confirm, mismatch, cancel, status)");
        };
    }

    private static String txn(String[] args) throws VerificationException {
        if (args.length != 1) {
            throw new VerificationException("expected one transaction id");
        }
        return args[0];
    }

    private static String format(java.util.List<DeviceInfo> devices) {
        return devices.isEmpty() ? "no devices known" : devices.stream().map(VerificationText::device)
                .collect(Collectors.joining("\n"));
    }
}
