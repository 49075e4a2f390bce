package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.ContextShare;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.StreamArtifact;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;

/** JSON ↔ record for stream.chunk, stream.artifact and context.share. */
final class StreamMappings {
    private StreamMappings() {}

    static List<EventMapping<?>> all() {
        return List.of(
                EventMapping.of(EventTypes.STREAM_CHUNK, StreamChunk.class,
                        StreamMappings::readStreamChunk, StreamMappings::writeStreamChunk),
                EventMapping.of(EventTypes.STREAM_ARTIFACT, StreamArtifact.class,
                        StreamMappings::readStreamArtifact, StreamMappings::writeStreamArtifact),
                EventMapping.of(EventTypes.CONTEXT_SHARE, ContextShare.class,
                        StreamMappings::readContextShare, StreamMappings::writeContextShare));
    }

    static StreamChunk readStreamChunk(FieldReader r) throws MalformedEventException {
        return new StreamChunk(
                r.string("invocation_id"),
                r.wire("stream", StreamName.class),
                r.integer("seq", 0, Long.MAX_VALUE),
                r.wire("encoding", ChunkEncoding.class),
                r.string("data"),
                r.bool("eof"),
                r.bool("compressed"),
                r.nullableString("sha256"),
                r.string("timestamp"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeStreamChunk(StreamChunk e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .wire("stream", e.stream())
                .integer("seq", e.seq())
                .wire("encoding", e.encoding())
                .string("data", e.data())
                .bool("eof", e.eof())
                .bool("compressed", e.compressed())
                .string("sha256", e.sha256())
                .string("timestamp", e.timestamp())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }

    static StreamArtifact readStreamArtifact(FieldReader r) throws MalformedEventException {
        return new StreamArtifact(
                r.string("invocation_id"),
                r.wire("stream", StreamName.class),
                r.string("name"),
                r.string("mime_type"),
                r.integer("size_bytes", 0, Long.MAX_VALUE),
                r.string("sha256"),
                r.string("mxc_uri"),
                r.string("tail_preview"),
                r.optionalJson("encrypted_file"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeStreamArtifact(StreamArtifact e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .wire("stream", e.stream())
                .string("name", e.name())
                .string("mime_type", e.mimeType())
                .integer("size_bytes", e.sizeBytes())
                .string("sha256", e.sha256())
                .string("mxc_uri", e.mxcUri())
                .string("tail_preview", e.tailPreview())
                .optionalJson("encrypted_file", e.encryptedFile())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }

    static ContextShare readContextShare(FieldReader r) throws MalformedEventException {
        return new ContextShare(
                r.string("context_id"),
                r.string("name"),
                r.string("mime_type"),
                r.integer("size_bytes", 0, Long.MAX_VALUE),
                r.string("sha256"),
                r.optionalString("data"),
                r.optionalString("encoding"),
                r.optionalString("mxc_uri"),
                r.optionalJson("encrypted_file"),
                r.extra());
    }

    static ObjectNode writeContextShare(ContextShare e) {
        return new FieldWriter()
                .string("context_id", e.contextId())
                .string("name", e.name())
                .string("mime_type", e.mimeType())
                .integer("size_bytes", e.sizeBytes())
                .string("sha256", e.sha256())
                .optionalString("data", e.data())
                .optionalString("encoding", e.encoding())
                .optionalString("mxc_uri", e.mxcUri())
                .optionalJson("encrypted_file", e.encryptedFile())
                .extra(e.extra())
                .build();
    }
}
