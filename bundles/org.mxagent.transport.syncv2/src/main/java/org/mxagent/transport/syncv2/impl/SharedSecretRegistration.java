package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The body of Synapse's shared-secret registration ({@code POST /_synapse/admin/v1/register}): the server's
 * nonce, the user and password, and an HMAC-SHA1 over {@code nonce\0user\0password\0notadmin} keyed by the
 * registration secret, which proves the caller knows the secret without sending it.
 */
final class SharedSecretRegistration {
    static final String PATH = "/_synapse/admin/v1/register";

    private final String user;
    private final char[] password;
    private final char[] sharedSecret;

    SharedSecretRegistration(String user, char[] password, char[] sharedSecret) {
        this.user = user;
        this.password = password;
        this.sharedSecret = sharedSecret;
    }

    ObjectNode body(ObjectMapper mapper, String nonce) {
        ObjectNode body = mapper.createObjectNode();
        body.put("nonce", nonce);
        body.put("username", user);
        body.put("password", new String(password));
        body.put("admin", false);
        body.put("mac", mac(nonce));
        return body;
    }

    String mac(String nonce) {
        byte[] key = utf8(sharedSecret);
        byte[] secretPassword = utf8(password);
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(key, "HmacSHA1"));
            hmac.update(nonce.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(user.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(secretPassword);
            hmac.update((byte) 0);
            hmac.update("notadmin".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hmac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA1", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(secretPassword, (byte) 0);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
