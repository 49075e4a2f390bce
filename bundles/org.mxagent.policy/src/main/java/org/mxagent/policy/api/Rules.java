package org.mxagent.policy.api;

import org.mxagent.protocol.api.event.RejectReason;

/**
 * Internal rule names: which check decided. Stable (tests, audit {@code policy_rule} and operators rely on
 * them), but never sent on the wire, where only the coarser {@link RejectReason} goes. POLICY.md lists them.
 */
public final class Rules {
    // Rules that allow.
    public static final String ALLOW_COMMANDS = "allow_commands";
    public static final String ALLOW_TOOLS = "allow_tools";

    // Policy rules that deny, in evaluation order.
    public static final String ROOM_UNKNOWN = "room_unknown";
    public static final String AGENT_UNKNOWN = "agent_unknown";
    public static final String ARGV_EMPTY = "argv_empty";
    public static final String EXEC_NOT_ALLOWED = "exec_not_allowed";
    public static final String ROOM_UNTRUSTED = "room_untrusted";
    public static final String COMMAND_NOT_ALLOWED = "command_not_allowed";
    public static final String CWD_NOT_ALLOWED = "cwd_not_allowed";
    public static final String ARGS_DENIED = "args_denied";
    public static final String ENV_OVERRIDE_NOT_ALLOWED = "env_override_not_allowed";
    public static final String SANDBOX_REQUIRED = "sandbox_required";
    public static final String TOOL_NOT_ALLOWED = "tool_not_allowed";

    // Receive-pipeline rules, in pipeline order.
    public static final String UNSIGNED = "unsigned";
    public static final String INVALID_SIGNATURE = "invalid_signature";
    public static final String KEY_ID_MISMATCH = "key_id_mismatch";
    public static final String UNKNOWN_KEY = "unknown_key";
    public static final String WRONG_TARGET = "wrong_target";
    public static final String UNTRUSTED_KEY = "untrusted_key";
    public static final String SENDER_MISMATCH = "sender_mismatch";
    public static final String UNVERIFIED_DEVICE = "unverified_device";
    public static final String APPROVAL_HELD = "approval_held";
    public static final String APPROVAL_RELEASED = "approval_released";
    public static final String APPROVAL_DENIED = "approval_denied";
    public static final String APPROVAL_EXPIRED = "approval_expired";
    public static final String AUDIT_UNAVAILABLE = "audit_unavailable";

    private Rules() {}
}
