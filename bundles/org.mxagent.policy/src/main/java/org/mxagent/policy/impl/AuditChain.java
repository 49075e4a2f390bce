package org.mxagent.policy.impl;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.mxagent.policy.api.AuditVerification;

/**
 * Walks audit.log line by line and checks the hash chain: each line canonical JSON, its prev_hash the hash of
 * the line before (64 zeros for the first), its hash that of its own content. Stops at the first broken line.
 */
final class AuditChain {
    /** The verdict, and the hash a new line must chain to (meaningful only when intact). */
    record Walk(AuditVerification verification, String lastHash) {}

    /** One line's verdict: its hash when intact, else the problem. */
    private record Checked(String hash, Optional<String> problem) {
        static Checked broken(String problem) {
            return new Checked(null, Optional.of(problem));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {}

    static Walk walk(Path file) throws IOException {
        String expected = AuditLine.GENESIS;
        long lineNumber = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Optional<byte[]> line;
            while ((line = nextLine(in, lineNumber + 1)).isPresent()) {
                lineNumber++;
                Checked checked = check(line.get(), expected);
                if (checked.problem().isPresent()) {
                    return new Walk(AuditVerification.broken(lineNumber - 1, lineNumber, checked.problem().get()),
                            expected);
                }
                expected = checked.hash();
            }
        } catch (NoSuchFileException absent) {
            return new Walk(AuditVerification.intact(0), AuditLine.GENESIS);
        } catch (TornLineException torn) {
            return new Walk(AuditVerification.broken(lineNumber, lineNumber + 1, torn.getMessage()), expected);
        }
        return new Walk(AuditVerification.intact(lineNumber), expected);
    }

    /** Checks one line against the hash it must chain to. */
    private static Checked check(byte[] raw, String expectedPrev) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return Checked.broken("not valid UTF-8");
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text);
        } catch (JacksonException e) {
            return Checked.broken("not JSON: " + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject() || !parsed.path("prev_hash").isTextual()
                || !parsed.path("hash").isTextual()) {
            return Checked.broken("not an audit record with prev_hash and hash");
        }
        ObjectNode body = ((ObjectNode) parsed).deepCopy();
        String prev = body.remove("prev_hash").textValue();
        String hash = body.remove("hash").textValue();
        if (!prev.equals(expectedPrev)) {
            return Checked.broken(expectedPrev.equals(AuditLine.GENESIS)
                    ? "prev_hash of the first record must be 64 zeros (lines were removed from the start?)"
                    : "prev_hash does not match the previous record's hash (a record was removed or inserted?)");
        }
        String computed;
        String canonical;
        try {
            computed = AuditLine.hash(prev, body);
            canonical = AuditLine.chained(body, prev);
        } catch (IllegalArgumentException notCanonical) {
            return Checked.broken("record holds a value canonical JSON cannot express: "
                    + notCanonical.getMessage());
        }
        if (!computed.equals(hash)) {
            return Checked.broken("hash does not match the record's content (the record was edited)");
        }
        if (!canonical.equals(text)) {
            return Checked.broken("record is not in canonical form (the line was edited)");
        }
        return new Checked(hash, Optional.empty());
    }

    /** The next line without its newline; empty at the end of the file. */
    private static Optional<byte[]> nextLine(InputStream in, long lineNumber) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return Optional.of(line.toByteArray());
            }
            line.write(b);
        }
        if (line.size() > 0) {
            throw new TornLineException("line " + lineNumber + " has no final newline (an interrupted write?)");
        }
        return Optional.empty();
    }

    /** The file ends in the middle of a line. */
    private static final class TornLineException extends IOException {
        private static final long serialVersionUID = 1L;

        TornLineException(String message) {
            super(message);
        }
    }
}
