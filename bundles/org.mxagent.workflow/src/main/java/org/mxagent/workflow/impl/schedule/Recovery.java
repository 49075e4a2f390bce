package org.mxagent.workflow.impl.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.InvocationState;
import org.mxagent.protocol.api.event.InvocationStatus;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.TaskAction;
import org.mxagent.protocol.api.event.TaskState;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.TaskStates;
import org.mxagent.workflow.impl.LocalInvocations;
import org.mxagent.workflow.impl.RunOn;
import org.mxagent.workflow.impl.payload.SealedTasks;
import org.mxagent.workflow.impl.recovery.OrphanReaper;
import org.mxagent.workflow.impl.recovery.ProcessLedger;
import org.mxagent.workflow.spi.DispatchOutcome;
import org.osgi.service.log.Logger;

/**
 * Restart recovery of one scheduler: every task of this agent that the room says is {@code executing} but that
 * does not run in this runtime is reconciled against its {@code invocation.v1} (issue 6):
 * finished there → copy the outcome; run by another runtime (another device) → leave it; else it was ours and
 * is gone → its orphaned process is stopped if provably ours, and the task fails with
 * {@value #STALE}. Nothing is run again.
 */
final class Recovery {
    static final String STALE = "recovered_stale_invocation";
    /** task.v1 extra written with executing: the Matrix device of the runtime that runs it. */
    static final String EXECUTOR_DEVICE = "executor_device";
    private static final Duration GRACE = Duration.ofSeconds(5);

    /** What to do with an executing task. */
    enum Action { LIVE_HERE, COPY_OUTCOME, ELSEWHERE, FAIL_STALE }

    private final MatrixClient client;
    private final String roomId;
    private final String agentId;
    private final LocalInvocations invocations;
    private final ProcessLedger ledger;
    private final Logger log;
    private final SealedTasks sealed;

    Recovery(MatrixClient client, String roomId, String agentId, LocalInvocations invocations, ProcessLedger ledger,
            SealedTasks sealed, Logger log) {
        this.sealed = sealed;
        this.client = client;
        this.roomId = roomId;
        this.agentId = agentId;
        this.invocations = invocations;
        this.ledger = ledger;
        this.log = log;
    }

    /**
     * The decision, from facts only. {@code executorDevice} is the task's {@value #EXECUTOR_DEVICE} (null for tasks
     * written before it existed: then only a process record of ours makes it ours).
     */
    static Action decide(boolean liveHere, Optional<InvocationState> invocation, String executorDevice,
            String ourDevice, boolean recordedHere) {
        if (liveHere) {
            return Action.LIVE_HERE;
        }
        if (invocation.isPresent() && isFinal(invocation.get().state())) {
            return Action.COPY_OUTCOME;
        }
        if (recordedHere || ourDevice.equals(executorDevice)) {
            return Action.FAIL_STALE;
        }
        return Action.ELSEWHERE;
    }

    static boolean isFinal(InvocationStatus status) {
        return status == InvocationStatus.SUCCEEDED || status == InvocationStatus.FAILED
                || status == InvocationStatus.CANCELLED;
    }

    /** Reconciles every executing task of this agent on the board. */
    void reconcile(TaskBoard board) {
        for (TaskBoard.Entry entry : board.all()) {
            TaskState task = entry.record().task();
            if (!TaskStates.EXECUTING.equals(task.state()) || !agentId.equals(task.assignedTo())
                    || task.invocationId() == null) {
                continue;
            }
            try {
                reconcile(entry);
            } catch (MatrixException | MalformedEventException | RuntimeException e) {
                log.error("restart recovery of task {} failed (retried at the next start): {}", task.taskId(),
                        e.toString(), e);
            }
        }
    }

    private void reconcile(TaskBoard.Entry entry) throws MatrixException, MalformedEventException {
        TaskRecord record = entry.record();
        TaskState task = record.task();
        String invocationId = task.invocationId();
        Optional<InvocationState> invocation = invocation(invocationId);
        Optional<ProcessLedger.Entry> recorded = ledger.find(invocationId);
        JsonNode device = task.extra().get(EXECUTOR_DEVICE);
        Action action = decide(invocations.find(invocationId).isPresent(), invocation,
                device == null ? null : device.asText(), client.session().deviceId(), recorded.isPresent());
        TaskExecution execution = new TaskExecution(client, roomId, agentId, java.time.Clock.systemUTC(),
                sealed);
        JsonNode rawAction = entry.raw().get("action");
        String requester = invocation.map(InvocationState::requester).orElseGet(() -> task.action()
                .flatMap(TaskAction::authorization).map(a -> a.requestingAgent()).orElse(agentId));
        switch (action) {
            case LIVE_HERE:
                return;
            case ELSEWHERE:
                log.info("task {} executes {} on another runtime (device {}); left as it is", task.taskId(),
                        invocationId, device);
                return;
            case COPY_OUTCOME: {
                InvocationState done = invocation.orElseThrow();
                DispatchOutcome outcome = new DispatchOutcome(done.state() == InvocationStatus.SUCCEEDED,
                        done.state() == InvocationStatus.CANCELLED ? DispatchOutcome.CANCELLED
                                : DispatchOutcome.PROCESS_EXIT, done.exitCode(),
                        "recovered after a restart: outcome copied from invocation " + invocationId);
                execution.finish(record, outcome, rawAction);
                log.info("task {} recovered: invocation {} had ended {}; outcome copied", task.taskId(),
                        invocationId, done.state().wire());
                break;
            }
            case FAIL_STALE: {
                String orphan = recorded.map(r -> describe(r, OrphanReaper.reap(r.process(), GRACE)))
                        .orElse("no process of it was recorded here");
                Optional<String> runOn = task.action().flatMap(a -> RunOn.elsewhere(a, agentId));
                if (runOn.isEmpty()) {
                    execution.invocation(task, requester, InvocationStatus.FAILED, null, 2);
                } else {
                    // The executor owns invocation.v1; we can no longer follow its result stream.
                    orphan = "it ran on " + runOn.get() + ", whose result this runtime can no longer follow";
                }
                execution.finish(record, DispatchOutcome.refused(STALE,
                        "the runtime stopped while it ran (invocation " + invocationId + "); " + orphan
                                + "; not run again"), rawAction);
                log.warn("task {} failed as {}: invocation {} was lost in a restart; {}", task.taskId(), STALE,
                        invocationId, orphan);
                break;
            }
            default:
                throw new IllegalStateException(action.name());
        }
        ledger.forget(invocationId);
    }

    private static String describe(ProcessLedger.Entry entry, OrphanReaper.Result result) {
        long pid = entry.process().pid();
        return switch (result) {
            case GONE -> "its process " + pid + " had already exited";
            case NOT_OURS -> "pid " + pid + " now belongs to another process, left alone";
            case STOPPED -> "its orphaned process group " + pid + " was stopped";
            case SURVIVED -> "its orphaned process group " + pid + " survived SIGKILL";
        };
    }

    private Optional<InvocationState> invocation(String invocationId) throws MatrixException,
            MalformedEventException {
        Optional<ObjectNode> content = client.getState(roomId, EventTypes.INVOCATION, invocationId);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ProtocolCodec.decode(InvocationState.class, content.get()));
    }
}
