package org.mxagent.policy.impl;

import java.nio.file.Path;
import java.util.Optional;
import org.mxagent.policy.api.CallRequestFacts;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.PolicyCheck;
import org.mxagent.policy.api.PolicyException;
import org.mxagent.policy.api.PolicyStatus;

/**
 * The policy in force and the status of its file. A malformed file never replaces the policy in force (at
 * start that is deny-all); an absent file means deny-all.
 */
final class PolicyHolder implements PolicyCheck {
    /** What is enforced, together with what the file looked like when it was last read. */
    private record Snapshot(Policy policy, PolicyStatus status) {}

    private final Path file;
    private final CommandResolver resolver;
    private volatile Snapshot current;

    PolicyHolder(Path file, CommandResolver resolver) {
        this.file = file;
        this.resolver = resolver;
        this.current = new Snapshot(Policy.denyAll(), new PolicyStatus(PolicyStatus.State.ABSENT, file,
                Optional.empty()));
        reload();
    }

    Policy policy() {
        return current.policy();
    }

    PolicyStatus status() {
        return current.status();
    }

    synchronized PolicyStatus reload() {
        Snapshot before = current;
        Snapshot after;
        try {
            Optional<Policy> read = PolicyFile.read(file);
            after = read.map(policy -> new Snapshot(policy, status(PolicyStatus.State.OK, null)))
                    .orElseGet(() -> new Snapshot(Policy.denyAll(), status(PolicyStatus.State.ABSENT,
                            "no policy file: every request is denied")));
        } catch (PolicyException e) {
            String kept = before.status().state() == PolicyStatus.State.OK
                    ? "the previously loaded policy stays in force" : "every request is denied";
            after = new Snapshot(before.policy(), status(PolicyStatus.State.MALFORMED,
                    e.getMessage() + " (" + kept + ")"));
        }
        current = after;
        return after.status();
    }

    @Override
    public Decision evaluateExec(ExecRequestFacts facts) {
        return new ExecEvaluator(current.policy(), resolver).evaluate(facts);
    }

    @Override
    public Decision evaluateCall(CallRequestFacts facts) {
        return new CallEvaluator(current.policy()).evaluate(facts);
    }

    private PolicyStatus status(PolicyStatus.State state, String message) {
        return new PolicyStatus(state, file, Optional.ofNullable(message));
    }
}
