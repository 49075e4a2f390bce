package org.mxagent.policy.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One decision for the audit log. The log redacts {@code command} itself, so callers pass the real argv.
 * There is deliberately no field for call arguments: they are never logged.
 *
 * @param requester  the requesting agent id
 * @param sender     the authenticated Matrix sender (beyond the peer's fields: the id policy was looked up by)
 * @param command    the argv of an exec; empty for a call
 * @param tool       the tool of a call
 * @param policyRule {@code allow_commands}, {@code allow_tools}, {@code deny:<rule>} or {@code approval_expired}
 * @param sandbox    the sandbox an allowed exec runs in
 */
public record AuditRecord(
        Instant ts,
        String room,
        String requester,
        String sender,
        String target,
        Optional<String> invocationId,
        RequestKind request,
        List<String> command,
        Optional<String> tool,
        AuditDecision decision,
        String policyRule,
        Optional<SandboxKind> sandbox) {

    public AuditRecord {
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(request, "request");
        command = List.copyOf(command);
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(policyRule, "policyRule");
        Objects.requireNonNull(sandbox, "sandbox");
    }
}
