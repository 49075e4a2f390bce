package org.mxagent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import org.mxagent.protocol.api.ProtocolJson;

/** Reads the golden vector files from {@code src/test/resources/vectors}. */
public final class Vectors {
    /** RFC 8032 section 7.1 TEST 1 seed, used by every signed vector. */
    public static final byte[] RFC8032_SEED =
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    private Vectors() {}

    public static JsonNode load(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + name);
            }
            return ProtocolJson.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
