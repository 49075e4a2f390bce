package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ExecAccepted;
import org.mxagent.protocol.api.event.ExecCancel;
import org.mxagent.protocol.api.event.ExecCancelled;
import org.mxagent.protocol.api.event.ExecFinished;
import org.mxagent.protocol.api.event.ExecRejected;
import org.mxagent.protocol.api.event.ExecRequest;
import org.mxagent.protocol.api.event.ExecStdin;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.PtyResize;

/** JSON ↔ record for the exec.* and pty.resize events. */
final class ExecMappings {
    private ExecMappings() {}

    static List<EventMapping<?>> all() {
        return List.of(
                EventMapping.of(EventTypes.EXEC_REQUEST, ExecRequest.class,
                        ExecMappings::readExecRequest, ExecMappings::writeExecRequest),
                EventMapping.of(EventTypes.EXEC_ACCEPTED, ExecAccepted.class,
                        ExecMappings::readExecAccepted, ExecMappings::writeExecAccepted),
                EventMapping.of(EventTypes.EXEC_REJECTED, ExecRejected.class,
                        ExecMappings::readExecRejected, ExecMappings::writeExecRejected),
                EventMapping.of(EventTypes.EXEC_FINISHED, ExecFinished.class,
                        ExecMappings::readExecFinished, ExecMappings::writeExecFinished),
                EventMapping.of(EventTypes.EXEC_STDIN, ExecStdin.class,
                        ExecMappings::readExecStdin, ExecMappings::writeExecStdin),
                EventMapping.of(EventTypes.EXEC_CANCEL, ExecCancel.class,
                        ExecMappings::readExecCancel, ExecMappings::writeExecCancel),
                EventMapping.of(EventTypes.EXEC_CANCELLED, ExecCancelled.class,
                        ExecMappings::readExecCancelled, ExecMappings::writeExecCancelled),
                EventMapping.of(EventTypes.PTY_RESIZE, PtyResize.class,
                        ExecMappings::readPtyResize, ExecMappings::writePtyResize));
    }

    static ExecRequest readExecRequest(FieldReader r) throws MalformedEventException {
        return new ExecRequest(
                r.string("invocation_id"),
                r.string("request_id"),
                r.string("target_agent"),
                r.string("requesting_agent"),
                r.stringList("command"),
                r.string("cwd"),
                r.stringMap("env"),
                r.bool("stdin"),
                r.bool("stream"),
                r.bool("pty"),
                r.integer("timeout_ms", 0, Long.MAX_VALUE),
                r.nullableString("task_id"),
                r.string("created_at"),
                r.string("expires_at"),
                r.string("nonce"),
                r.string("idempotency_key"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeExecRequest(ExecRequest e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .string("request_id", e.requestId())
                .string("target_agent", e.targetAgent())
                .string("requesting_agent", e.requestingAgent())
                .stringList("command", e.command())
                .string("cwd", e.cwd())
                .stringMap("env", e.env())
                .bool("stdin", e.stdin())
                .bool("stream", e.stream())
                .bool("pty", e.pty())
                .integer("timeout_ms", e.timeoutMs())
                .string("task_id", e.taskId())
                .string("created_at", e.createdAt())
                .string("expires_at", e.expiresAt())
                .string("nonce", e.nonce())
                .string("idempotency_key", e.idempotencyKey())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }

    static ExecAccepted readExecAccepted(FieldReader r) throws MalformedEventException {
        return new ExecAccepted(
                r.string("invocation_id"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeExecAccepted(ExecAccepted e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }

    static ExecRejected readExecRejected(FieldReader r) throws MalformedEventException {
        return new ExecRejected(
                r.string("invocation_id"),
                r.string("reason"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeExecRejected(ExecRejected e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .string("reason", e.reason())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }

    static ExecFinished readExecFinished(FieldReader r) throws MalformedEventException {
        return new ExecFinished(
                r.string("invocation_id"),
                Checks.toInteger(r.nullableInteger("exit_code", Integer.MIN_VALUE, Integer.MAX_VALUE)),
                r.nullableString("signal"),
                r.integer("duration_ms", 0, Long.MAX_VALUE),
                r.integer("stdout_bytes", 0, Long.MAX_VALUE),
                r.integer("stderr_bytes", 0, Long.MAX_VALUE),
                r.bool("truncated"),
                r.nullableString("artifact_mxc"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeExecFinished(ExecFinished e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .nullableInteger("exit_code", e.exitCode())
                .string("signal", e.signal())
                .integer("duration_ms", e.durationMs())
                .integer("stdout_bytes", e.stdoutBytes())
                .integer("stderr_bytes", e.stderrBytes())
                .bool("truncated", e.truncated())
                .string("artifact_mxc", e.artifactMxc())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }

    static ExecStdin readExecStdin(FieldReader r) throws MalformedEventException {
        return new ExecStdin(
                r.string("invocation_id"),
                r.string("data"),
                r.bool("eof"),
                r.string("created_at"),
                r.string("nonce"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeExecStdin(ExecStdin e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .string("data", e.data())
                .bool("eof", e.eof())
                .string("created_at", e.createdAt())
                .string("nonce", e.nonce())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }

    static ExecCancel readExecCancel(FieldReader r) throws MalformedEventException {
        return new ExecCancel(
                r.string("invocation_id"),
                r.string("reason"),
                r.string("created_at"),
                r.string("nonce"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeExecCancel(ExecCancel e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .string("reason", e.reason())
                .string("created_at", e.createdAt())
                .string("nonce", e.nonce())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }

    static ExecCancelled readExecCancelled(FieldReader r) throws MalformedEventException {
        return new ExecCancelled(
                r.string("invocation_id"),
                r.string("signal_sent"),
                r.bool("killed_process_group"),
                r.string("finished_at"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeExecCancelled(ExecCancelled e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .string("signal_sent", e.signalSent())
                .bool("killed_process_group", e.killedProcessGroup())
                .string("finished_at", e.finishedAt())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }

    static PtyResize readPtyResize(FieldReader r) throws MalformedEventException {
        return new PtyResize(
                r.string("invocation_id"),
                (int) r.integer("rows", 0, 65535),
                (int) r.integer("cols", 0, 65535),
                (int) r.integerOr("pixel_width", 0, 0, 65535),
                (int) r.integerOr("pixel_height", 0, 0, 65535),
                r.string("created_at"),
                r.string("nonce"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writePtyResize(PtyResize e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .integer("rows", e.rows())
                .integer("cols", e.cols())
                .integer("pixel_width", e.pixelWidth())
                .integer("pixel_height", e.pixelHeight())
                .string("created_at", e.createdAt())
                .string("nonce", e.nonce())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }
}
