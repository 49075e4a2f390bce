package org.mxagent.exec.impl.requester;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.event.RejectReason;

class ExitCodesTest {
    @Test
    void exitCodesPassThroughAndSignalsAre128PlusN() {
        assertEquals(0, ExitCodes.forExit(0, null));
        assertEquals(7, ExitCodes.forExit(7, null));
        assertEquals(255, ExitCodes.forExit(255, null));
        assertEquals(143, ExitCodes.forExit(null, "SIGTERM"));
        assertEquals(137, ExitCodes.forExit(null, "SIGKILL"));
        assertEquals(128, ExitCodes.forExit(null, "SIGRTMIN+3"));
    }

    @Test
    void policyRefusalsAre160AndEveryOtherRejection161() {
        for (RejectReason reason : RejectReason.values()) {
            int expected = switch (reason) {
                case POLICY_DENIED, SANDBOX_REQUIRED, ENV_OVERRIDE_NOT_ALLOWED, APPROVAL_DENIED, APPROVAL_EXPIRED,
                        UNVERIFIED_DEVICE -> 160;
                case UNSIGNED, INVALID_SIGNATURE, WRONG_TARGET, UNTRUSTED_KEY, MALFORMED_REQUEST -> 161;
            };
            assertEquals(expected, ExitCodes.forRejection(reason.wire()), reason.wire());
        }
        assertEquals(161, ExitCodes.forRejection("a_code_from_the_future"));
    }
}
