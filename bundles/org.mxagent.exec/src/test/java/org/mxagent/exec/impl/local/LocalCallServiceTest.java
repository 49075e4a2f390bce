package org.mxagent.exec.impl.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mxagent.exec.api.LocalCallOutcome;
import org.mxagent.exec.impl.testing.Loggers;
import org.mxagent.exec.impl.tools.ToolCatalog;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.CallRequestFacts;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.policy.api.PolicyStatus;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.tool.spi.Tool;
import org.mxagent.tool.spi.ToolContext;

/** LocalCalls: evaluateCall for the requester decides, then the catalog's tool runs under the allowance. */
class LocalCallServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOM = "!room:example.org";
    private static final String ALICE = "@alice:example.org";

    private final List<CallRequestFacts> asked = new CopyOnWriteArrayList<>();
    private final List<JsonNode> ran = new CopyOnWriteArrayList<>();
    private volatile Decision verdict = allowed(false);
    private final ToolCatalog catalog = new ToolCatalog();
    private final LocalCallService service = new LocalCallService(policy(), catalog,
            Loggers.recording().logger);

    LocalCallServiceTest() {
        catalog.add(new EchoTool());
    }

    @AfterEach
    void stop() {
        service.deactivate();
    }

    @Test
    void anAllowedCallRunsTheToolUnderTheAllowance() throws Exception {
        ObjectNode args = JSON.createObjectNode().put("say", "hi");
        LocalCallOutcome outcome = call("echo", args, OptionalLong.of(7000));
        assertTrue(outcome.ok(), outcome::toString);
        assertEquals("hi", outcome.result().path("say").asText());
        assertEquals(5000, outcome.result().path("timeout_ms").asLong(), "the allowance's timeout, not the request's");
        assertEquals(ALICE, outcome.result().path("requester").asText());
        assertEquals(List.of(new CallRequestFacts(ROOM, ALICE, "echo", OptionalLong.of(7000))), asked);
    }

    @Test
    void aDenialNeverRunsTheTool() throws Exception {
        verdict = new Decision.Denied(RejectReason.POLICY_DENIED, "allow_tools", "echo is not in allow_tools");
        LocalCallOutcome outcome = call("echo", JSON.createObjectNode(), OptionalLong.empty());
        assertFalse(outcome.ok());
        assertEquals(LocalCallOutcome.POLICY_DENIED, outcome.code());
        assertEquals("denied by policy rule allow_tools", outcome.error());
        assertTrue(ran.isEmpty());
    }

    @Test
    void aCallThatNeedsApprovalIsRefusedNotHeld() throws Exception {
        verdict = allowed(true);
        LocalCallOutcome outcome = call("echo", JSON.createObjectNode(), OptionalLong.empty());
        assertEquals(LocalCallOutcome.APPROVAL_REQUIRED, outcome.code());
        assertTrue(outcome.error().contains("not held for approval"), outcome::toString);
        assertTrue(ran.isEmpty());
    }

    @Test
    void anAllowedButUnknownToolOrVersionSaysSo() throws Exception {
        LocalCallOutcome unknown = call("nope", JSON.createObjectNode(), OptionalLong.empty());
        assertEquals(LocalCallOutcome.UNKNOWN_TOOL, unknown.code());
        assertEquals("unknown tool nope", unknown.error());
        LocalCallOutcome version = call("echo@2.0", JSON.createObjectNode(), OptionalLong.empty());
        assertEquals(LocalCallOutcome.UNKNOWN_TOOL, version.code());
        assertEquals("unknown version 2.0 of tool echo (offered: 1.0)", version.error());
        assertTrue(ran.isEmpty());
    }

    private LocalCallOutcome call(String tool, JsonNode args, OptionalLong timeout) throws Exception {
        return service.call(ROOM, ALICE, tool, args, timeout).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Decision allowed(boolean approval) {
        return new Decision.Allowed(new Allowance(5000, OptionalLong.empty(), SandboxKind.NONE, Optional.empty(),
                NetworkMode.DENY, List.of(), List.of(), List.of(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), SeccompMode.OFF, approval, false, List.of()), "allow_tools");
    }

    private PolicyService policy() {
        return new PolicyService() {
            @Override
            public Decision evaluateExec(ExecRequestFacts facts) {
                throw new AssertionError("a local call never asks the exec policy");
            }

            @Override
            public Decision evaluateCall(CallRequestFacts facts) {
                asked.add(facts);
                return verdict;
            }

            @Override
            public Policy policy() {
                return Policy.denyAll();
            }

            @Override
            public PolicyStatus status() {
                throw new UnsupportedOperationException();
            }

            @Override
            public PolicyStatus reload() {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Answers its args plus what the context says. */
    private final class EchoTool implements Tool {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public String description() {
            return "echo";
        }

        @Override
        public JsonNode inputSchema() {
            return JSON.createObjectNode();
        }

        @Override
        public JsonNode outputSchema() {
            return JSON.createObjectNode();
        }

        @Override
        public JsonNode call(JsonNode args, ToolContext context) {
            ran.add(args);
            ObjectNode result = args.deepCopy();
            result.put("timeout_ms", context.allowance().timeoutMs());
            result.put("requester", context.requester().orElse(""));
            return result;
        }
    }
}
