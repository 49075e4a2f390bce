package org.mxagent.exec.impl.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.mxagent.exec.api.LocalCallOutcome;
import org.mxagent.exec.api.LocalCalls;
import org.mxagent.exec.impl.ToolWhiteboard;
import org.mxagent.exec.impl.tools.CallContext;
import org.mxagent.exec.impl.tools.CallOutcome;
import org.mxagent.exec.impl.tools.CallScopes;
import org.mxagent.exec.impl.tools.ToolCatalog;
import org.mxagent.exec.impl.tools.ToolRunner;
import org.mxagent.policy.api.CallRequestFacts;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.protocol.api.Ids;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@link LocalCalls}: {@link PolicyService#evaluateCall} for the requester in the room (the check a remote
 * {@code call.request} gets after its signature), then the same {@link ToolRunner} over the same tool catalog, on
 * threads of its own.
 */
@Component(service = LocalCalls.class)
public final class LocalCallService implements LocalCalls {
    private final PolicyService policy;
    private final ToolRunner tools;
    private final ExecutorService pool;
    private final Logger log;

    @Activate
    public LocalCallService(@Reference PolicyService policy, @Reference ToolWhiteboard whiteboard,
            @Reference(service = LoggerFactory.class) Logger log) {
        this(policy, whiteboard.catalog(), log);
    }

    LocalCallService(PolicyService policy, ToolCatalog catalog, Logger log) {
        this.policy = policy;
        this.log = log;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "mx-agent local call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.tools = new ToolRunner(catalog, pool, log);
    }

    @Override
    public CompletionStage<LocalCallOutcome> call(String roomId, String requesterUserId, String tool, JsonNode args,
            OptionalLong timeoutMs) {
        Decision decision;
        try {
            decision = policy.evaluateCall(new CallRequestFacts(roomId, requesterUserId, tool, timeoutMs));
        } catch (IllegalArgumentException | NullPointerException e) {
            return CompletableFuture.completedFuture(LocalCallOutcome.failure("failed", "bad call: " + e.getMessage()));
        }
        if (decision instanceof Decision.Denied denied) {
            log.info("local call of {} for {} in {} denied: {} ({})", tool, requesterUserId, roomId, denied.rule(),
                    denied.detail());
            return CompletableFuture.completedFuture(LocalCallOutcome.failure(denied.reason().wire(),
                    "denied by policy rule " + denied.rule()));
        }
        Decision.Allowed allowed = (Decision.Allowed) decision;
        if (allowed.allowance().requiresApproval()) {
            return CompletableFuture.completedFuture(LocalCallOutcome.failure(LocalCallOutcome.APPROVAL_REQUIRED,
                    "the policy requires approval for " + tool + "; local tool calls are not held for approval"));
        }
        CallContext context = new CallContext(Ids.newInvocationId(), Optional.of(roomId),
                Optional.of(requesterUserId), allowed.allowance(), CallScopes.of(policy, roomId, requesterUserId));
        try {
            return CompletableFuture.supplyAsync(() -> of(tools.run(tool, args, context)), pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(LocalCallOutcome.failure("failed", "the runtime is stopping"));
        }
    }

    static LocalCallOutcome of(CallOutcome outcome) {
        return outcome.ok() ? LocalCallOutcome.success(outcome.result())
                : LocalCallOutcome.failure(outcome.code(), outcome.error());
    }

    @Deactivate
    void deactivate() {
        pool.shutdownNow();
    }
}
