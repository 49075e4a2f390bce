package org.mxagent.policy.api;

/** What an {@link ApprovalGate} says about a request that {@code requires_approval}. */
public enum ApprovalVerdict {
    /** A verified approval decision for this very request exists: run it. */
    APPROVED,
    /** A hold was placed (and an approval.request sent): do not run it now. */
    HELD,
    /** An approver denied it. */
    DENIED,
    /** The hold expired without a decision. */
    EXPIRED
}
