package org.mxagent.exec.impl.tools;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a call ended: {@code ok} with a result, or an error message with a short code ({@code unknown_tool},
 * {@code invalid_arguments}, {@code denied}, {@code failed}, {@code timeout}, a rejection reason…).
 */
public record CallOutcome(boolean ok, JsonNode result, String error, String code) {

    public static CallOutcome success(JsonNode result) {
        return new CallOutcome(true, result, null, null);
    }

    public static CallOutcome failure(String code, String error) {
        return new CallOutcome(false, null, error, code);
    }
}
