package org.mxagent.crypto.impl.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import org.mxagent.crypto.api.DeviceVerification;
import org.mxagent.crypto.api.VerificationException;
import org.mxagent.crypto.api.VerificationInfo;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code device.*} IPC methods of the daemon (for {@code mx-agent device list|show|verify}). */
final class DeviceIpcMethods {
    private DeviceIpcMethods() {}

    static String text(JsonNode params, String name) throws IpcException {
        String value = params.path(name).asText("");
        if (value.isEmpty()) {
            throw new IpcException(IpcException.INVALID_PARAMS, "missing parameter '" + name + "'",
                    IpcException.EXIT_USAGE);
        }
        return value;
    }

    static IpcException failure(VerificationException e) {
        return new IpcException(IpcException.FAILED, e.getMessage(), IpcException.EXIT_FAILURE, null, e);
    }

    /** {@code device.list {user_id?}} → {@code {devices: [...]}}. */
    @Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=device.list")
    public static final class ListMethod implements IpcMethod {
        private final DeviceVerification verification;

        @Activate
        public ListMethod(@Reference DeviceVerification verification) {
            this.verification = verification;
        }

        @Override
        public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            try {
                verification.devices(Optional.ofNullable(params.path("user_id").asText(null)))
                        .forEach(d -> result.withArray("devices").add(VerificationText.json(d)));
            } catch (VerificationException e) {
                throw failure(e);
            }
            result.withArray("devices");
            return result;
        }
    }

    /** {@code device.show {user_id, device_id}} → the device and its verifications. */
    @Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=device.show")
    public static final class ShowMethod implements IpcMethod {
        private final DeviceVerification verification;

        @Activate
        public ShowMethod(@Reference DeviceVerification verification) {
            this.verification = verification;
        }

        @Override
        public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
            String user = text(params, "user_id");
            String device = text(params, "device_id");
            try {
                ObjectNode result = VerificationText.json(verification.device(user, device).orElseThrow(
                        () -> new VerificationException("unknown device " + device + " of " + user)));
                verification.verifications().stream().filter(v -> v.otherUserId().equals(user)
                        && v.otherDeviceId().equals(device)).forEach(v -> result.withArray("verifications")
                                .add(VerificationText.json(v)));
                return result;
            } catch (VerificationException e) {
                throw failure(e);
            }
        }
    }

    /**
     * {@code device.verify.start {user_id, device_id, request?=true, wait_ms?=50000}} (or {@code {transaction_id}}
     * to accept an incoming one): streams the verification once, then again when the SAS appears, and returns it.
     * The wait stays under the daemon's 60 s budget for one call, so a missing SAS is answered, not cut off.
     */
    @Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=device.verify.start")
    public static final class StartMethod implements IpcMethod {
        private final DeviceVerification verification;

        @Activate
        public StartMethod(@Reference DeviceVerification verification) {
            this.verification = verification;
        }

        @Override
        public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
            try {
                VerificationInfo info = params.hasNonNull("transaction_id")
                        ? verification.accept(params.path("transaction_id").asText())
                        : verification.start(text(params, "user_id"), text(params, "device_id"),
                                params.path("request").asBoolean(true));
                call.stream(VerificationText.json(info));
                VerificationInfo withSas = verification.await(info.transactionId(), VerificationInfo::hasSas,
                        Duration.ofMillis(Math.min(params.path("wait_ms").asLong(50_000), 50_000)));
                if (withSas.hasSas()) {
                    call.stream(VerificationText.json(withSas));
                }
                return VerificationText.json(withSas);
            } catch (VerificationException e) {
                throw failure(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IpcException(IpcException.FAILED, "interrupted while waiting for the short authentication"
                        + " string", IpcException.EXIT_FAILURE, null, e);
            }
        }
    }

    /** {@code device.verify.list {}} → {@code {verifications: [...]}}: those in progress and recently ended. */
    @Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=device.verify.list")
    public static final class VerificationListMethod implements IpcMethod {
        private final DeviceVerification verification;

        @Activate
        public VerificationListMethod(@Reference DeviceVerification verification) {
            this.verification = verification;
        }

        @Override
        public JsonNode call(JsonNode params, IpcCall call) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.withArray("verifications");
            verification.verifications().forEach(v -> result.withArray("verifications")
                    .add(VerificationText.json(v)));
            return result;
        }
    }

    /** {@code device.verify.confirm {transaction_id, wait_ms?=30000}}: sends our MAC, waits for done. */
    @Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=device.verify.confirm")
    public static final class ConfirmMethod implements IpcMethod {
        private final DeviceVerification verification;

        @Activate
        public ConfirmMethod(@Reference DeviceVerification verification) {
            this.verification = verification;
        }

        @Override
        public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
            try {
                VerificationInfo info = verification.confirm(text(params, "transaction_id"));
                return VerificationText.json(verification.await(info.transactionId(), v -> v.state().isFinal(),
                        Duration.ofMillis(params.path("wait_ms").asLong(30_000))));
            } catch (VerificationException e) {
                throw failure(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IpcException(IpcException.FAILED, "interrupted while waiting for the other device's MAC",
                        IpcException.EXIT_FAILURE, null, e);
            }
        }
    }

    /** {@code device.verify.cancel {transaction_id, mismatch?=false}}. */
    @Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=device.verify.cancel")
    public static final class CancelMethod implements IpcMethod {
        private final DeviceVerification verification;

        @Activate
        public CancelMethod(@Reference DeviceVerification verification) {
            this.verification = verification;
        }

        @Override
        public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
            try {
                return VerificationText.json(verification.cancel(text(params, "transaction_id"),
                        params.path("mismatch").asBoolean(false)));
            } catch (VerificationException e) {
                throw failure(e);
            }
        }
    }
}
