package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mxagent.protocol.api.event.ApprovalDecision;
import org.mxagent.protocol.api.event.ApprovalOutcome;
import org.mxagent.protocol.api.event.ApprovalRequest;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.Heartbeat;
import org.mxagent.protocol.api.event.MalformedEventException;

/** JSON ↔ record for heartbeat and the approval events. */
final class CoordinationMappings {
    private CoordinationMappings() {}

    static List<EventMapping<?>> all() {
        return List.of(
                EventMapping.of(EventTypes.HEARTBEAT, Heartbeat.class,
                        CoordinationMappings::readHeartbeat, CoordinationMappings::writeHeartbeat),
                EventMapping.of(EventTypes.APPROVAL_REQUEST, ApprovalRequest.class,
                        CoordinationMappings::readApprovalRequest, CoordinationMappings::writeApprovalRequest),
                EventMapping.of(EventTypes.APPROVAL_DECISION, ApprovalDecision.class,
                        CoordinationMappings::readApprovalDecision, CoordinationMappings::writeApprovalDecision));
    }

    static Heartbeat readHeartbeat(FieldReader r) throws MalformedEventException {
        return new Heartbeat(
                r.string("agent_id"),
                r.string("status"),
                r.object("load", NestedMappings::readLoad),
                r.integer("ts", 0, Long.MAX_VALUE),
                r.extra());
    }

    static ObjectNode writeHeartbeat(Heartbeat e) {
        return new FieldWriter()
                .string("agent_id", e.agentId())
                .string("status", e.status())
                .json("load", NestedMappings.writeLoad(e.load()))
                .integer("ts", e.ts())
                .extra(e.extra())
                .build();
    }

    static ApprovalRequest readApprovalRequest(FieldReader r) throws MalformedEventException {
        return new ApprovalRequest(
                r.string("request_id"),
                r.nullableString("invocation_id"),
                r.string("requester"),
                r.string("target"),
                r.string("summary"),
                r.string("risk"),
                r.string("expires_at"),
                r.extra());
    }

    static ObjectNode writeApprovalRequest(ApprovalRequest e) {
        return new FieldWriter()
                .string("request_id", e.requestId())
                .string("invocation_id", e.invocationId())
                .string("requester", e.requester())
                .string("target", e.target())
                .string("summary", e.summary())
                .string("risk", e.risk())
                .string("expires_at", e.expiresAt())
                .extra(e.extra())
                .build();
    }

    static ApprovalDecision readApprovalDecision(FieldReader r) throws MalformedEventException {
        return new ApprovalDecision(
                r.string("request_id"),
                r.wire("decision", ApprovalOutcome.class),
                r.string("approved_by"),
                r.string("created_at"),
                r.optionalString("nonce"),
                r.optionalString("expires_at"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeApprovalDecision(ApprovalDecision e) {
        return new FieldWriter()
                .string("request_id", e.requestId())
                .wire("decision", e.decision())
                .string("approved_by", e.approvedBy())
                .string("created_at", e.createdAt())
                .optionalString("nonce", e.nonce())
                .optionalString("expires_at", e.expiresAt())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }
}
