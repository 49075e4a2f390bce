package org.mxagent.adapter.impl;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.mxagent.adapter.api.AdapterRunner;
import org.mxagent.adapter.api.AdapterStatus;
import org.mxagent.adapter.api.AgentRun;
import org.mxagent.adapter.api.LaunchGate;
import org.mxagent.adapter.spi.AdapterException;
import org.mxagent.adapter.spi.AgentAdapter;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.adapter.spi.Progress;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;
import org.mxagent.terminal.api.LocalExec;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link AdapterRunner} service: tracks {@link AgentAdapter} services (dynamic, so installing or removing an
 * adapter bundle needs no restart) and runs them through {@link LocalExec}.
 */
@Component(service = AdapterRunner.class, configurationPid = AdapterRunnerComponent.PID)
@Designate(ocd = AdapterRunnerComponent.Config.class)
public final class AdapterRunnerComponent implements AdapterRunner {
    static final String PID = "org.mxagent.adapter.runner";

    @ObjectClassDefinition(name = "mx-agent adapter runner",
            description = "The allowance for operator-started agent runs (adapter.run, adapter:run). Runs from "
                    + "the network use the policy's allowance instead.")
    public @interface Config {
        @AttributeDefinition(description = "sandbox for local runs: none | bubblewrap")
        String sandbox() default "bubblewrap";

        @AttributeDefinition(description = "network for local runs: allow (agents call their vendor API) | deny")
        String network() default "allow";

        @AttributeDefinition(description = "time limit of a local run in ms")
        long timeout_ms() default 1_800_000L;

        @AttributeDefinition(description = "paths the agent may write besides its working directory")
        String[] writable_paths() default {};

        @AttributeDefinition(description = "environment names passed to or settable for agents (no secrets)")
        String[] env_allowlist() default {"ANTHROPIC_BASE_URL", "DISABLE_AUTOUPDATER",
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "DISABLE_TELEMETRY", "DISABLE_ERROR_REPORTING",
            "CLAUDE_CONFIG_DIR", "OPENAI_BASE_URL", "CODEX_HOME", "NO_COLOR"};
    }

    private final Map<ServiceReference<AgentAdapter>, AgentAdapter> adapters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final RunnerCore core;
    private volatile Allowance local;

    @Activate
    public AdapterRunnerComponent(@Reference LocalExec exec, Config config) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mx-agent adapter runner");
            thread.setDaemon(true);
            return thread;
        });
        this.core = new RunnerCore(this::registered, exec, scheduler);
        this.local = localAllowance(config);
    }

    @Modified
    void modified(Config config) {
        this.local = localAllowance(config);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    @Reference(service = AgentAdapter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addAdapter(ServiceReference<AgentAdapter> reference, AgentAdapter adapter) {
        adapters.put(reference, adapter);
    }

    void removeAdapter(ServiceReference<AgentAdapter> reference) {
        adapters.remove(reference);
    }

    private List<RunnerCore.Registered> registered() {
        return adapters.entrySet().stream().map(e -> new RunnerCore.Registered(e.getValue(),
                e.getKey().getBundle() == null ? "?" : e.getKey().getBundle().getSymbolicName())).toList();
    }

    @Override
    public List<AdapterStatus> adapters() {
        return core.statuses();
    }

    @Override
    public AgentRun start(String adapter, AgentWork work, Allowance allowance, Consumer<Progress> listener)
            throws AdapterException {
        return core.start(adapter, work, (name, plan) -> allowance, listener);
    }

    @Override
    public AgentRun start(String adapter, AgentWork work, LaunchGate gate, Consumer<Progress> listener)
            throws AdapterException {
        return core.start(adapter, work, gate, listener);
    }

    @Override
    public AgentRun startLocal(String adapter, AgentWork work, Consumer<Progress> listener) throws AdapterException {
        Allowance allowance = local;
        return core.start(adapter, work, (name, plan) -> allowance, listener);
    }

    static Allowance localAllowance(Config config) {
        SandboxKind sandbox = SandboxKind.fromWire(config.sandbox()).orElseThrow(() -> new IllegalArgumentException(
                PID + ": sandbox must be none or bubblewrap, not " + config.sandbox()));
        NetworkMode network = NetworkMode.fromWire(config.network()).orElseThrow(() -> new IllegalArgumentException(
                PID + ": network must be allow or deny, not " + config.network()));
        return new Allowance(config.timeout_ms(), OptionalLong.empty(), sandbox, Optional.empty(), network, List.of(),
                Arrays.stream(config.writable_paths()).map(Path::of).toList(), List.of(config.env_allowlist()),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), SeccompMode.OFF, false, false,
                List.of());
    }
}
