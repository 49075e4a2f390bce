package org.mxagent.workflow.api;

import java.util.Locale;

/** How {@code task graph} prints the DAG. */
public enum GraphFormat {
    TEXT, DOT, SVG;

    public static GraphFormat parse(String text) throws WorkflowException {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(WorkflowException.Kind.INVALID,
                    "unknown graph format '" + text + "'; expected text, dot or svg", e);
        }
    }
}
