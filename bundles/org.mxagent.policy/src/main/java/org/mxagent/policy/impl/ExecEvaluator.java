package org.mxagent.policy.impl;

import org.mxagent.protocol.api.event.RejectReason;

import java.util.Optional;
import java.util.regex.Pattern;
import org.mxagent.policy.api.AgentPolicy;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.RawExecDefault;
import org.mxagent.policy.api.RoomPolicy;
import org.mxagent.policy.api.Rules;
import org.mxagent.policy.api.SandboxKind;

/**
 * Decides an exec request against a policy. Rules run in the protocol's order (room, agent, argv, exec
 * allowed, room trusted, command, cwd, args), then the environment overrides and the sandbox requirement, so
 * a request that would be refused anyway never reaches an approver. The first failing rule decides.
 */
final class ExecEvaluator {
    private final Policy policy;
    private final CommandResolver hostResolver;

    /** @param hostResolver resolves bare names through the runtime's PATH (used unless the child is containerized) */
    ExecEvaluator(Policy policy, CommandResolver hostResolver) {
        this.policy = policy;
        this.hostResolver = hostResolver;
    }

    Decision evaluate(ExecRequestFacts facts) {
        Optional<RoomPolicy> room = policy.room(facts.roomId());
        if (room.isEmpty()) {
            return deny(Rules.ROOM_UNKNOWN, "room " + facts.roomId() + " has no [rooms] entry");
        }
        Optional<AgentPolicy> found = room.get().agent(facts.requester());
        if (found.isEmpty()) {
            return deny(Rules.AGENT_UNKNOWN, facts.requester() + " has no agents entry in room " + facts.roomId());
        }
        AgentPolicy agent = found.get();
        if (facts.argv().isEmpty()) {
            return deny(Rules.ARGV_EMPTY, "the command is empty");
        }
        if (!agent.allowExec().orElse(room.get().rawExecDefault() == RawExecDefault.ALLOW)) {
            return deny(Rules.EXEC_NOT_ALLOWED, agent.allowExec().isPresent() ? "allow_exec is false"
                    : "allow_exec is unset and the room's raw_exec_default is deny");
        }
        if (!room.get().trusted()) {
            return deny(Rules.ROOM_UNTRUSTED, "room " + facts.roomId() + " is not marked trusted");
        }
        Allowance allowance = AllowanceFactory.merge(policy.execution(), room.get(), agent,
                facts.requestedTimeoutMs());
        // A container has its own PATH and file system: only exact argv[0] entries can match there.
        CommandResolver resolver = allowance.sandbox().isContainer() ? CommandResolver.none() : hostResolver;
        String argv0 = facts.argv().get(0);
        Optional<String> match = CommandMatcher.match(argv0, agent.allowCommands(), resolver);
        if (match.isEmpty()) {
            return deny(Rules.COMMAND_NOT_ALLOWED, "argv[0] \"" + argv0 + "\" is not in allow_commands "
                    + agent.allowCommands() + " (matched exactly, or by the absolute path it resolves to)");
        }
        Optional<String> cwdProblem = CwdRule.problem(facts.cwd(), agent.allowCwd());
        if (cwdProblem.isPresent()) {
            return deny(Rules.CWD_NOT_ALLOWED, cwdProblem.get());
        }
        Optional<Pattern> deniedArgs = ArgsRule.firstMatch(facts.argv(), agent.denyArgsRegex());
        if (deniedArgs.isPresent()) {
            return deny(Rules.ARGS_DENIED, "arguments match deny_args_regex \"" + deniedArgs.get() + "\"");
        }
        Optional<String> envProblem = EnvOverrideRule.problem(facts.envOverrideKeys(), allowance.envAllowlist());
        if (envProblem.isPresent()) {
            return new Decision.Denied(RejectReason.ENV_OVERRIDE_NOT_ALLOWED, Rules.ENV_OVERRIDE_NOT_ALLOWED,
                    envProblem.get());
        }
        if (policy.execution().requireSandbox() && allowance.sandbox() == SandboxKind.NONE) {
            return new Decision.Denied(RejectReason.SANDBOX_REQUIRED, Rules.SANDBOX_REQUIRED,
                    "execution.require_sandbox is set but the effective sandbox is none");
        }
        return new Decision.Allowed(allowance, Rules.ALLOW_COMMANDS);
    }

    private static Decision deny(String rule, String detail) {
        return new Decision.Denied(RejectReason.POLICY_DENIED, rule, detail);
    }
}
