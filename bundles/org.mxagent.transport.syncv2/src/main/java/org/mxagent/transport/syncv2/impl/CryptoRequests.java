package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.e2ee.E2eeMachine;
import org.mxagent.transport.api.e2ee.OutgoingRequest;

/**
 * Performs the requests a crypto machine produces and reports each outcome back to it. One flush at a time (the
 * sync thread and senders share it), so the same key upload is never in flight twice.
 */
final class CryptoRequests {
    private final HttpMatrixApi api;

    CryptoRequests(HttpMatrixApi api) {
        this.api = api;
    }

    /** Sends everything {@link E2eeMachine#outgoingRequests()} asks for; returns the failures (already reported). */
    synchronized List<MatrixException> flush(E2eeMachine machine) {
        List<MatrixException> failures = new ArrayList<>();
        for (OutgoingRequest request : machine.outgoingRequests()) {
            try {
                send(machine, request);
            } catch (MatrixException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    /** Sends one request; on failure the machine is told and the exception is rethrown. */
    void send(E2eeMachine machine, OutgoingRequest request) throws MatrixException {
        JsonNode response;
        try {
            response = api.json(request.method(), request.path(), Map.of(), request.body());
        } catch (MatrixException e) {
            machine.markRequestAsFailed(request.id(), e.getMessage());
            throw e;
        }
        machine.markRequestAsSent(request.id(), response);
    }
}
