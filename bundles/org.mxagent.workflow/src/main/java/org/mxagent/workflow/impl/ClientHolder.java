package org.mxagent.workflow.impl;

import org.mxagent.transport.api.MatrixClient;
import org.mxagent.workflow.api.WorkflowException;

/** The current {@link MatrixClient}, or a readable "not logged in". */
public final class ClientHolder {
    private volatile MatrixClient client;

    public void set(MatrixClient newClient) {
        client = newClient;
    }

    public void clear(MatrixClient old) {
        if (client == old) {
            client = null;
        }
    }

    public MatrixClient require() throws WorkflowException {
        MatrixClient current = client;
        if (current == null) {
            throw new WorkflowException(WorkflowException.Kind.NOT_FOUND,
                    "not logged in: the runtime has no Matrix session (mx-agent auth login)");
        }
        return current;
    }
}
