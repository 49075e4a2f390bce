package org.mxagent.crypto.api;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one verification.
 *
 * @param transactionId its {@code transaction_id}
 * @param otherUserId the user being verified
 * @param otherDeviceId the device being verified
 * @param weStarted whether this device sent the request (or the start)
 * @param state where it stands
 * @param macMethod the agreed MAC method ({@code hkdf-hmac-sha256.v2} preferred), once accepted
 * @param emoji the 7 emoji to compare, once {@link VerificationState#KEYS_EXCHANGED}; empty before
 * @param decimals the 3 numbers (1000-9191) to compare, once keys are exchanged; empty before
 * @param cancelCode the {@code m.*} cancel code if cancelled
 * @param cancelReason a readable reason if cancelled
 * @param cancelledByUs whether this side cancelled
 */
public record VerificationInfo(String transactionId, String otherUserId, String otherDeviceId, boolean weStarted,
        VerificationState state, Optional<String> macMethod, List<SasEmoji> emoji, List<Integer> decimals,
        Optional<String> cancelCode, Optional<String> cancelReason, boolean cancelledByUs) {

    public VerificationInfo {
        emoji = List.copyOf(emoji);
        decimals = List.copyOf(decimals);
    }

    /** Whether the short authentication string is available to compare. */
    public boolean hasSas() {
        return !decimals.isEmpty();
    }
}
