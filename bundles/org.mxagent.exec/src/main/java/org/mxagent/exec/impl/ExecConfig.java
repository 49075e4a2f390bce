package org.mxagent.exec.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of remote exec and calls (PID {@code org.mxagent.exec}); every value has a working default. */
@ObjectClassDefinition(name = "mx-agent remote exec and calls")
public @interface ExecConfig {
    String PID = "org.mxagent.exec";

    @AttributeDefinition(description = "Milliseconds the requester waits past an exec's timeout for its final "
            + "answer before it sends a cancel and gives up with exit 129 (protocol: 30 s)", min = "0")
    long requester_grace_ms() default 30_000;

    @AttributeDefinition(description = "Milliseconds one exec.start / invocation.attach call streams before it "
            + "returns a cursor to continue from (below the daemon's IPC call budget)", min = "1000")
    long attach_window_ms() default 45_000;

    @AttributeDefinition(description = "Bytes of output frames kept for a CLI that reads slowly", min = "65536")
    long frame_buffer_bytes() default 32L * 1024 * 1024;

    @AttributeDefinition(description = "Largest raw log an artifact may decompress to", min = "1")
    long max_artifact_bytes() default 4L * 1024 * 1024 * 1024;

    @AttributeDefinition(description = "Timeline events scanned (newest first) to find an artifact", min = "100")
    int artifact_scan_events() default 2000;

    @AttributeDefinition(description = "Milliseconds a finished session's result stays readable")
    long keep_finished_ms() default 120_000;

    @AttributeDefinition(description = "Milliseconds a run must last before invocation.v1 'running' is published "
            + "(a state write at the start would delay the first output; short runs publish their final state only)",
            min = "0")
    long running_state_delay_ms() default 500;

    @AttributeDefinition(description = "Milliseconds an output chunk or control frame keeps being retried, under "
            + "one transaction id, while the homeserver is unreachable or answers 5xx (e.g. restarting); past it the "
            + "event is given up and the requester sees a gap", min = "0")
    long send_retry_window_ms() default 600_000;

    @AttributeDefinition(description = "Add offered tools (name@version) to the hosted agents' agent.v1.tools")
    boolean advertise_tools() default true;
}
