package org.mxagent.crypto.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Interactive SAS verification of Matrix devices by this runtime's device, and the verified devices (stored in the
 * crypto store, so they survive restarts). The to-device messages go out through the transport; actions return
 * once they are handed to it. A verification needs the runtime logged in (a crypto machine open).
 */
@ProviderType
public interface DeviceVerification {

    /** Devices of {@code userId} (all tracked users when empty), with their verified flag. */
    List<DeviceInfo> devices(Optional<String> userId) throws VerificationException;

    /** One device, if known. */
    Optional<DeviceInfo> device(String userId, String deviceId) throws VerificationException;

    /** Whether the device is verified under its current Ed25519 key (our own device: true). */
    boolean isVerified(String userId, String deviceId);

    /**
     * Starts verifying a device. With {@code request} true sends {@code m.key.verification.request} and starts SAS
     * when the other side is ready (Element, matrix-rust-sdk); false sends {@code m.key.verification.start}
     * ({@code m.sas.v1}) at once, for clients that do not answer requests (matrix-nio 0.20).
     *
     * @throws VerificationException if the device is unknown (its keys were never queried)
     */
    VerificationInfo start(String userId, String deviceId, boolean request) throws VerificationException;

    /** Accepts an incoming request (sends {@code ready}) or start (sends {@code accept}). */
    VerificationInfo accept(String transactionId) throws VerificationException;

    /** The user compared the emoji/decimals and they match: sends our MAC. */
    VerificationInfo confirm(String transactionId) throws VerificationException;

    /** Cancels ({@code m.user}); also to be used when the emoji/decimals do not match ({@code m.mismatched_sas}). */
    VerificationInfo cancel(String transactionId, boolean mismatch) throws VerificationException;

    /** One verification, if known (ended ones are kept for a while). */
    Optional<VerificationInfo> verification(String transactionId);

    /** All verifications known, newest last. */
    List<VerificationInfo> verifications();

    /**
     * Waits until {@code condition} holds for the verification or it ends; returns the latest snapshot (which may
     * not satisfy the condition if the time ran out).
     */
    VerificationInfo await(String transactionId, Predicate<VerificationInfo> condition, Duration timeout)
            throws VerificationException, InterruptedException;
}
