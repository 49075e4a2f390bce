package org.mxagent.policy.impl;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.PolicyException;

/** Reads policy.toml: absent means no policy (the caller enforces deny-all); present must be valid. */
final class PolicyFile {
    private PolicyFile() {}

    /** The parsed policy, or empty when the file does not exist. */
    static Optional<Policy> read(Path file) throws PolicyException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PolicyException(file, 0, null, "cannot be read: " + e, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(file, 0, null, "is not valid UTF-8 (TOML files must be)", e);
        }
        return Optional.of(PolicyParser.parse(text, file));
    }
}
