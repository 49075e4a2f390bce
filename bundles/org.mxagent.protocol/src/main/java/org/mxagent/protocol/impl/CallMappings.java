package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mxagent.protocol.api.event.CallRequest;
import org.mxagent.protocol.api.event.CallResponse;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.MalformedEventException;

/** JSON ↔ record for call.request and call.response. */
final class CallMappings {
    private CallMappings() {}

    static List<EventMapping<?>> all() {
        return List.of(
                EventMapping.of(EventTypes.CALL_REQUEST, CallRequest.class,
                        CallMappings::readCallRequest, CallMappings::writeCallRequest),
                EventMapping.of(EventTypes.CALL_RESPONSE, CallResponse.class,
                        CallMappings::readCallResponse, CallMappings::writeCallResponse));
    }

    static CallRequest readCallRequest(FieldReader r) throws MalformedEventException {
        return new CallRequest(
                r.string("invocation_id"),
                r.string("request_id"),
                r.string("tool"),
                r.json("args"),
                r.string("created_at"),
                r.string("expires_at"),
                r.string("nonce"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.optionalString("requesting_agent"),
                r.optionalString("target_agent"),
                r.extra());
    }

    static ObjectNode writeCallRequest(CallRequest e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .string("request_id", e.requestId())
                .string("tool", e.tool())
                .json("args", e.args())
                .string("created_at", e.createdAt())
                .string("expires_at", e.expiresAt())
                .string("nonce", e.nonce())
                .signature(e.signature())
                .optionalString("requesting_agent", e.requestingAgent())
                .optionalString("target_agent", e.targetAgent())
                .extra(e.extra())
                .build();
    }

    static CallResponse readCallResponse(FieldReader r) throws MalformedEventException {
        return new CallResponse(
                r.string("request_id"),
                r.bool("ok"),
                r.nullableJson("result"),
                r.nullableString("error"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeCallResponse(CallResponse e) {
        return new FieldWriter()
                .string("request_id", e.requestId())
                .bool("ok", e.ok())
                .json("result", e.result())
                .string("error", e.error())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }
}
