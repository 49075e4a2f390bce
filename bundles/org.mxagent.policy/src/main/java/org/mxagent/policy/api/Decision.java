package org.mxagent.policy.api;

import org.mxagent.protocol.api.event.RejectReason;

import java.util.Objects;

/** The outcome of a policy evaluation: allowed with an {@link Allowance}, or denied with a reason. */
public sealed interface Decision permits Decision.Allowed, Decision.Denied {

    /** The rule that decided (see {@link Rules}). */
    String rule();

    boolean isAllowed();

    /** Allowed; {@code rule} is {@link Rules#ALLOW_COMMANDS} or {@link Rules#ALLOW_TOOLS}. */
    record Allowed(Allowance allowance, String rule) implements Decision {
        public Allowed {
            Objects.requireNonNull(allowance, "allowance");
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public boolean isAllowed() {
            return true;
        }
    }

    /**
     * Denied. {@code reason} goes on the wire; {@code rule} and {@code detail} are for the operator (audit,
     * {@code policy:check}) and may name local paths, so they stay local.
     */
    record Denied(RejectReason reason, String rule, String detail) implements Decision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }
}
