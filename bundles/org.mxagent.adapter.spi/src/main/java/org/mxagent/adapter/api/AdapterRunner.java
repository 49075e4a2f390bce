package org.mxagent.adapter.api;

import java.util.List;
import java.util.function.Consumer;
import org.mxagent.adapter.spi.AdapterException;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.adapter.spi.Progress;
import org.mxagent.policy.api.Allowance;
import org.osgi.annotation.versioning.ProviderType;

/** Runs registered {@link org.mxagent.adapter.spi.AgentAdapter}s through {@code LocalExec}. */
@ProviderType
public interface AdapterRunner {
    /** The registered adapters, sorted by name, each with a fresh detection. */
    List<AdapterStatus> adapters();

    /**
     * Detects, plans and starts {@code work} on the adapter named {@code adapter} under {@code allowance} (the
     * policy's verdict for this request). {@code listener} gets every progress event in order, from the runner's
     * output threads; it must not block.
     *
     * @throws AdapterException no such adapter, CLI not installed, invalid work, or the launch was refused
     */
    AgentRun start(String adapter, AgentWork work, Allowance allowance, Consumer<Progress> listener)
            throws AdapterException;

    /**
     * Like {@link #start(String, AgentWork, Allowance, Consumer)}, but the allowance comes from {@code gate}, asked
     * with the adapter's launch plan after detection and before anything runs.
     *
     * @throws AdapterException as {@link #start(String, AgentWork, Allowance, Consumer)}, or the gate's refusal
     */
    AgentRun start(String adapter, AgentWork work, LaunchGate gate, Consumer<Progress> listener)
            throws AdapterException;

    /** {@link #start} under the runner's configured local allowance (operator runs: IPC, Gogo). */
    AgentRun startLocal(String adapter, AgentWork work, Consumer<Progress> listener) throws AdapterException;
}
