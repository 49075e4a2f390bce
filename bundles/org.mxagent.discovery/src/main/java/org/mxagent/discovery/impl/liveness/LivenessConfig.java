package org.mxagent.discovery.impl.liveness;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How this runtime judges other agents' liveness (PID {@code org.mxagent.discovery.liveness}); DS maps
 * {@code stale_after_intervals()} to {@code stale.after.intervals}. The defaults are protocol §2.7.
 */
@ObjectClassDefinition(name = "mx-agent liveness",
        description = "Stale and offline thresholds, in heartbeat periods of the observed agent.")
public @interface LivenessConfig {
    String PID = "org.mxagent.discovery.liveness";

    @AttributeDefinition(description = "Missed heartbeat periods before an agent is stale (protocol: 3, i.e. 90 s)",
            min = "1", max = "1000")
    long stale_after_intervals() default 3;

    @AttributeDefinition(description = "Missed heartbeat periods before an agent is offline (protocol: 10, i.e. "
            + "300 s); more than stale.after.intervals", min = "2", max = "10000")
    long offline_after_intervals() default 10;

    @AttributeDefinition(description = "Period assumed for agents that do not advertise heartbeat_interval_ms "
            + "(protocol: 30000)", min = "1000", max = "3600000")
    long default_heartbeat_interval_ms() default 30_000;
}
