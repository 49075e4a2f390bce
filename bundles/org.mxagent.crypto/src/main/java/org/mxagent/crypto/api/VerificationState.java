package org.mxagent.crypto.api;

/** Where a verification stands. */
public enum VerificationState {
    /** We sent {@code m.key.verification.request}, waiting for {@code ready}. */
    REQUESTED,
    /** The other device sent a request; {@link DeviceVerification#accept} answers it with {@code ready}. */
    REQUEST_RECEIVED,
    /** Both sides are ready; the requester sends {@code start}. */
    READY,
    /** We sent {@code start}, waiting for {@code accept}. */
    STARTED,
    /** The other device sent {@code start}; {@link DeviceVerification#accept} accepts it. */
    START_RECEIVED,
    /** The method is agreed, ephemeral keys are being exchanged. */
    ACCEPTED,
    /** Both keys are known: the emoji and decimals can be compared; {@link DeviceVerification#confirm} next. */
    KEYS_EXCHANGED,
    /** We confirmed and sent our MAC; waiting for theirs. */
    CONFIRMED,
    /** Both MACs checked: the other device is verified (and {@code done} sent). */
    DONE,
    /** Cancelled by either side, with a code and reason. */
    CANCELLED;

    /** Whether the verification has ended. */
    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }
}
