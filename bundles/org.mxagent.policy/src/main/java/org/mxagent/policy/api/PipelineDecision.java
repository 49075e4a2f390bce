package org.mxagent.policy.api;

import org.mxagent.protocol.api.event.RejectReason;

import java.util.Objects;
import java.util.Optional;

/**
 * What the receive pipeline decided.
 *
 * @param reason    the {@code exec.rejected.reason} to send, present exactly when {@code outcome} is REJECTED
 * @param rule      the internal rule that decided (see {@link Rules} and {@link Admission#rule()})
 * @param allowance present when ALLOWED or HELD
 * @param detail    operator-facing explanation; stays local
 */
public record PipelineDecision(
        Outcome outcome, Optional<RejectReason> reason, String rule, Optional<Allowance> allowance, String detail) {

    public enum Outcome {
        /** Run it with the allowance. */
        ALLOWED,
        /** Waiting for approval; nothing is sent beyond the approval request. */
        HELD,
        /** Refused; answer with {@code exec.rejected} carrying {@link #reason()}. */
        REJECTED,
        /** Ignored without an answer (replays, expired requests, unusable replay cache), like the peer's router. */
        DROPPED
    }

    public PipelineDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(detail, "detail");
        if (reason.isPresent() != (outcome == Outcome.REJECTED)) {
            throw new IllegalArgumentException("a reason is given exactly for REJECTED");
        }
        if (allowance.isPresent() != (outcome == Outcome.ALLOWED || outcome == Outcome.HELD)) {
            throw new IllegalArgumentException("an allowance is given exactly for ALLOWED and HELD");
        }
    }

    public static PipelineDecision allowed(Allowance allowance, String rule) {
        return new PipelineDecision(Outcome.ALLOWED, Optional.empty(), rule, Optional.of(allowance), "");
    }

    public static PipelineDecision held(Allowance allowance) {
        return new PipelineDecision(Outcome.HELD, Optional.empty(), Rules.APPROVAL_HELD, Optional.of(allowance),
                "waiting for an approval decision");
    }

    public static PipelineDecision rejected(RejectReason reason, String rule, String detail) {
        return new PipelineDecision(Outcome.REJECTED, Optional.of(reason), rule, Optional.empty(), detail);
    }

    public static PipelineDecision dropped(String rule, String detail) {
        return new PipelineDecision(Outcome.DROPPED, Optional.empty(), rule, Optional.empty(), detail);
    }
}
