package org.mxagent.adapter.impl;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

/** TEST FIXTURE: the real runner core over a given LocalExec and fixed adapters (no OSGi). */
public final class TestRunners {
    private TestRunners() {}

    /** A none-sandbox allowance that lets {@code envAllowlist} through. */
    public static Allowance allowance(long timeoutMs, List<String> envAllowlist) {
        return new Allowance(timeoutMs, OptionalLong.empty(), SandboxKind.NONE, Optional.empty(), NetworkMode.ALLOW,
                List.of(), List.of(), envAllowlist, OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), SeccompMode.OFF, false, false, List.of());
    }

    /** A runner whose {@code startLocal} uses {@code local}; close the returned scheduler's owner via close(). */
    public static Runner runner(LocalExec exec, Allowance local, AgentAdapter... adapters) {
        return new Runner(exec, local, Arrays.asList(adapters));
    }

    /** An {@link AdapterRunner} for tests. */
    public static final class Runner implements AdapterRunner, AutoCloseable {
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        private final RunnerCore core;
        private final Allowance local;

        Runner(LocalExec exec, Allowance local, List<AgentAdapter> adapters) {
            List<RunnerCore.Registered> registered = adapters.stream()
                    .map(a -> new RunnerCore.Registered(a, "test")).toList();
            this.core = new RunnerCore(() -> registered, exec, scheduler);
            this.local = local;
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
        public AgentRun startLocal(String adapter, AgentWork work, Consumer<Progress> listener)
                throws AdapterException {
            return core.start(adapter, work, (name, plan) -> local, listener);
        }

        @Override
        public void close() {
            scheduler.shutdownNow();
        }
    }

    /** Where tests put spool files. */
    public static Path spool(Path temp) {
        return temp.resolve("spool");
    }
}
