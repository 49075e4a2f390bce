package org.mxagent.protocol.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.sign.PublicKeys;
import org.mxagent.protocol.api.sign.SignatureVerifier;
import org.mxagent.protocol.api.sign.SigningKey;
import org.mxagent.protocol.api.sign.Verification;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.service.log.Logger;

class FileLocalSignerTest {
    @TempDir
    Path dataDir;

    private final List<String> logged = new ArrayList<>();

    @Test
    void createsTheKeyFileOwnerOnlyOnFirstStartAndReusesItAfterwards() throws IOException {
        FileLocalSigner first = new FileLocalSigner(directories(), logger());
        Path file = dataDir.resolve(SigningKey.FILE_NAME);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        FileLocalSigner second = new FileLocalSigner(directories(), logger());
        assertEquals(first.keyId(), second.keyId());
        assertEquals(first.publicKeyBase64(), second.publicKeyBase64());
        assertEquals(List.of("created", "loaded"), logged);
    }

    @Test
    void publishesAKeyThatHashesToItsIdAndSignaturesThatVerify() throws Exception {
        FileLocalSigner signer = new FileLocalSigner(directories(), logger());
        assertTrue(PublicKeys.matchesKeyId(signer.publicKeyBase64(), signer.keyId()));
        assertEquals(PublicKeys.fingerprintOfKeyId(signer.keyId()), signer.fingerprint());

        ObjectNode content = ProtocolJson.parseObject("{\"context_id\":\"ctx_1\",\"name\":\"a.txt\"}");
        ObjectNode signed = signer.sign(content);
        assertFalse(content.has("signature"), "input left untouched");
        Verification verification = SignatureVerifier.verify(signed, signer.publicKeyBase64(), signer.keyId());
        assertTrue(verification.isValid(), verification.detail());

        signed.put("name", "b.txt");
        assertEquals(Verification.Status.INVALID_SIGNATURE,
                SignatureVerifier.verify(signed, signer.publicKeyBase64(), signer.keyId()).status());
    }

    @Test
    void refusesAKeyFileOthersCanReadInsteadOfReplacingIt() throws IOException {
        Path file = dataDir.resolve(SigningKey.FILE_NAME);
        SigningKey.generate().save(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        byte[] before = Files.readAllBytes(file);

        IOException refused = assertThrows(IOException.class, () -> new FileLocalSigner(directories(), logger()));
        assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
        assertEquals(32, before.length);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "key file left as it was");
    }

    private RuntimeDirectories directories() {
        return new RuntimeDirectories() {
            @Override
            public Path dataDir() {
                return dataDir;
            }

            @Override
            public Path configDir() {
                return dataDir;
            }

            @Override
            public Path runtimeDir() {
                return dataDir;
            }
        };
    }

    /** Records the first argument of info() calls ("created"/"loaded"). */
    private Logger logger() {
        return (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("info") && args != null && args.length > 1
                            && args[1] instanceof Object[] values) {
                        logged.add(String.valueOf(values[0]));
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
    }
}
