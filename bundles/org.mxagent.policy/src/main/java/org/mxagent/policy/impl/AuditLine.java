package org.mxagent.policy.impl;

import org.mxagent.protocol.api.CanonicalJson;
import org.mxagent.protocol.api.CanonicalJsonException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.mxagent.policy.api.AuditRecord;
import org.mxagent.policy.api.SecretRedactor;

/** Turns an {@link AuditRecord} into one chained NDJSON line, and computes the chain hash. */
final class AuditLine {
    /** prev_hash of the first line. */
    static final String GENESIS = "0".repeat(64);

    private AuditLine() {}

    /** The record's fields (argv redacted), without prev_hash and hash. */
    static ObjectNode body(AuditRecord record) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("ts", record.ts().truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("room", record.room());
        body.put("requester", record.requester());
        body.put("sender", record.sender());
        body.put("target", record.target());
        record.invocationId().ifPresent(id -> body.put("invocation_id", id));
        body.put("request", record.request().wire());
        if (!record.command().isEmpty()) {
            ArrayNode command = body.putArray("command");
            SecretRedactor.redactArgv(record.command()).forEach(command::add);
        }
        record.tool().ifPresent(tool -> body.put("tool", tool));
        body.put("decision", record.decision().wire());
        body.put("policy_rule", record.policyRule());
        record.sandbox().ifPresent(sandbox -> body.put("sandbox", sandbox.wire()));
        return body;
    }

    /** The full line (no newline): the body plus prev_hash and hash, in canonical JSON. */
    static String chained(ObjectNode body, String prevHash) {
        ObjectNode line = body.deepCopy();
        line.put("prev_hash", prevHash);
        line.put("hash", hash(prevHash, body));
        return new String(canonical(line), StandardCharsets.UTF_8);
    }

    /** SHA-256 hex of prev_hash (ASCII) followed by the canonical bytes of the body. */
    static String hash(String prevHash, ObjectNode body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonical(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Audit records hold strings, booleans and integers only, so canonical form cannot fail here. */
    private static byte[] canonical(ObjectNode node) {
        try {
            return CanonicalJson.toBytes(node);
        } catch (CanonicalJsonException e) {
            throw new IllegalStateException("audit record is not canonicalizable: " + e.getMessage(), e);
        }
    }
}
