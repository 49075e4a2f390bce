package org.mxagent.protocol.api.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.mxagent.protocol.impl.Base64s;
import org.mxagent.protocol.impl.Ed25519;
import org.mxagent.runtime.api.PrivateFiles;

/**
 * An agent's Ed25519 signing key. On disk it is the 32-byte raw seed and nothing else
 * ({@code <data_dir>/signing_key.ed25519}, mode 0600), the same file format as other nodes use.
 */
public final class SigningKey {
    /** The file name inside the data directory. */
    public static final String FILE_NAME = "signing_key.ed25519";

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final byte[] seed;
    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final String keyId;

    private SigningKey(byte[] seed) {
        this.seed = seed.clone();
        this.privateKey = Ed25519.privateKey(this.seed);
        this.publicKey = Ed25519.publicFromSeed(this.seed);
        if (!Ed25519.checkPair(privateKey, publicKey)) {
            throw new IllegalStateException("this JDK derived an Ed25519 public key that does not match its seed");
        }
        this.keyId = PublicKeys.keyId(publicKey);
    }

    /** A key from its 32-byte RFC 8032 seed. */
    public static SigningKey fromSeed(byte[] seed) {
        if (seed == null || seed.length != Ed25519.KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        return new SigningKey(seed);
    }

    /** A fresh key from {@link SecureRandom}. */
    public static SigningKey generate() {
        byte[] seed = new byte[Ed25519.KEY_BYTES];
        new SecureRandom().nextBytes(seed);
        return new SigningKey(seed);
    }

    /**
     * Reads a key file. Refuses a file that is not exactly 32 bytes, and (where the file system has POSIX
     * permissions) one that group or others may access.
     */
    public static SigningKey load(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> open = EnumSet.copyOf(view.readAttributes().permissions());
            open.retainAll(GROUP_OR_OTHER);
            if (!open.isEmpty()) {
                throw new IOException(file + " is accessible by group or others " + open
                        + "; a signing key must be mode 0600 (chmod 600 " + file + ")");
            }
        }
        byte[] seed = Files.readAllBytes(file);
        if (seed.length != Ed25519.KEY_BYTES) {
            throw new IOException(file + " holds " + seed.length + " bytes; an Ed25519 seed file holds exactly 32");
        }
        return new SigningKey(seed);
    }

    /** Loads {@code file}, or generates a key and saves it there if the file does not exist. */
    public static SigningKey loadOrGenerate(Path file) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        SigningKey key = generate();
        key.save(file);
        return key;
    }

    /** Writes the 32-byte seed atomically with mode 0600. */
    public void save(Path file) throws IOException {
        PrivateFiles.writeAtomically(file, seed);
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key as published in {@code agent.v1.signing_public_key} (unpadded base64). */
    public String publicKeyBase64() {
        return Base64s.unpadded(publicKey);
    }

    /** {@code mxagent-ed25519:<B>}. */
    public String keyId() {
        return keyId;
    }

    /** {@code SHA256:<B>}. */
    public String fingerprint() {
        return PublicKeys.fingerprint(publicKey);
    }

    /** The raw 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
