package org.mxagent.protocol.api;

import java.security.SecureRandom;
import java.util.Base64;

/** Request nonces: 16 bytes from {@link SecureRandom}, unpadded standard base64 (22 characters). */
public final class Nonces {
    public static final int BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {}

    public static String newNonce() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
