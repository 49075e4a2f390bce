package org.mxagent.exec.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * How a {@link LocalCalls} call ended: {@code ok} with the tool's result, or an error with a short stable code:
 * {@link #POLICY_DENIED} (or another policy reason such as {@code unknown_agent}), {@link #APPROVAL_REQUIRED},
 * {@link #UNKNOWN_TOOL}, {@code timeout}, {@code failed}, or the tool's own code ({@code invalid_arguments},
 * {@code denied}, {@code not_found}…).
 *
 * @param result the tool's result; null unless ok
 * @param code   null if ok
 * @param error  a human explanation; null if ok
 */
public record LocalCallOutcome(boolean ok, JsonNode result, String code, String error) {
    public static final String POLICY_DENIED = "policy_denied";
    public static final String APPROVAL_REQUIRED = "approval_required";
    public static final String UNKNOWN_TOOL = "unknown_tool";

    public LocalCallOutcome {
        if (ok) {
            Objects.requireNonNull(result, "result");
        } else {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(error, "error");
        }
    }

    public static LocalCallOutcome success(JsonNode result) {
        return new LocalCallOutcome(true, result, null, null);
    }

    public static LocalCallOutcome failure(String code, String error) {
        return new LocalCallOutcome(false, null, code, error);
    }
}
