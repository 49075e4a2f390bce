package org.mxagent.protocol.api.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.protocol.Vectors;

class SigningKeyTest {
    @TempDir
    Path dir;

    @Test
    void rfc8032Test1() {
        SigningKey key = SigningKey.fromSeed(Vectors.RFC8032_SEED);
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                HexFormat.of().formatHex(key.publicKey()));
        assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                + "d25bf5f0595bbe24655141438e7a100b", HexFormat.of().formatHex(key.sign(new byte[0])));
        assertEquals("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo", key.publicKeyBase64());
    }

    @Test
    void savesTheRawSeedOwnerOnlyAndLoadsItBack() throws IOException {
        Path file = dir.resolve(SigningKey.FILE_NAME);
        SigningKey key = SigningKey.generate();
        key.save(file);
        assertEquals(32, Files.size(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        SigningKey loaded = SigningKey.load(file);
        assertEquals(key.keyId(), loaded.keyId());
        assertArrayEquals(key.sign(new byte[] {1, 2, 3}), loaded.sign(new byte[] {1, 2, 3}));
    }

    @Test
    void loadOrGenerateCreatesOnceThenReuses() throws IOException {
        Path file = dir.resolve("keys").resolve(SigningKey.FILE_NAME);
        SigningKey created = SigningKey.loadOrGenerate(file);
        assertTrue(Files.exists(file));
        assertEquals(created.keyId(), SigningKey.loadOrGenerate(file).keyId());
        assertNotEquals(created.keyId(), SigningKey.generate().keyId());
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws IOException {
        Path file = dir.resolve(SigningKey.FILE_NAME);
        Files.write(file, Vectors.RFC8032_SEED);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IOException refused = assertThrows(IOException.class, () -> SigningKey.load(file));
        assertTrue(refused.getMessage().contains("0600"), refused.getMessage());
    }

    @Test
    void refusesAFileThatIsNotThirtyTwoBytes() throws IOException {
        Path file = dir.resolve(SigningKey.FILE_NAME);
        Files.write(file, new byte[33]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThrows(IOException.class, () -> SigningKey.load(file));
        assertThrows(IllegalArgumentException.class, () -> SigningKey.fromSeed(new byte[31]));
    }

    @Test
    void toStringShowsOnlyTheKeyId() {
        SigningKey key = SigningKey.fromSeed(Vectors.RFC8032_SEED);
        assertEquals("SigningKey[" + key.keyId() + "]", key.toString());
        assertFalse(key.toString().contains("9d61"));
    }
}
