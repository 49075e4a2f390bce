package org.mxagent.policy.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whether a Matrix device is verified, for {@code require_verified_device}. It can only add a denial: the
 * pipeline asks it only when policy demands a verified device.
 */
@ConsumerType
@FunctionalInterface
public interface DeviceCheck {
    boolean isVerified(String matrixUserId, Optional<String> deviceId);

    /** For runtimes without device verification: every device counts as unverified (fail closed). */
    static DeviceCheck noneVerified() {
        return (user, device) -> false;
    }
}
