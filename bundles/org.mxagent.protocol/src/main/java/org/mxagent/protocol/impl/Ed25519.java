package org.mxagent.protocol.impl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Raw Ed25519 (RFC 8032) on top of the JDK's SunEC provider, which speaks only DER-encoded keys.
 *
 * <p>Raw ↔ DER uses the fixed RFC 8410 encodings, whose only variable part is the trailing 32 bytes:
 * <ul>
 * <li>private key, PKCS#8 v1: {@code 30 2e 02 01 00 30 05 06 03 2b 65 70 04 22 04 20} + 32-byte seed;</li>
 * <li>public key, X.509 SubjectPublicKeyInfo: {@code 30 2a 30 05 06 03 2b 65 70 03 21 00} + 32 bytes.</li>
 * </ul>
 * ({@code 06 03 2b 65 70} is OID 1.3.101.112, id-Ed25519.)
 *
 * <p>The JDK has no public "public key from seed" call. {@link #publicFromSeed} feeds the seed to the Ed25519
 * {@link KeyPairGenerator} through a {@link SecureRandom} that can only return those 32 bytes: the generator draws
 * exactly one 32-byte seed and derives the public key from it per RFC 8032. The result is checked against RFC 8032
 * test vectors in the unit tests, and {@link #checkPair} lets callers confirm a derived pair on the running JDK.
 */
public final class Ed25519 {
    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    private static final String ALGORITHM = "Ed25519";
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");

    private Ed25519() {}

    public static PrivateKey privateKey(byte[] seed) {
        requireLength(seed, KEY_BYTES, "seed");
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK refused an Ed25519 seed", e);
        }
    }

    public static PublicKey publicKey(byte[] raw) {
        requireLength(raw, KEY_BYTES, "public key");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The 32 raw bytes of a JDK Ed25519 public key (the tail of its X.509 encoding). */
    public static byte[] rawPublic(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != X509_PREFIX.length + KEY_BYTES
                || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("unexpected Ed25519 public key encoding");
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    /** Derives the raw public key of {@code seed} (see the class comment for how). */
    public static byte[] publicFromSeed(byte[] seed) {
        requireLength(seed, KEY_BYTES, "seed");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedOnlyRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            return rawPublic(pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot generate Ed25519 keys", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** False for a wrong or malformed signature; never throws for bad input. */
    public static boolean verify(byte[] rawPublic, byte[] message, byte[] signatureBytes) {
        if (signatureBytes.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey(rawPublic));
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (IllegalArgumentException | InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK has no Ed25519", e);
        }
    }

    /** True if a signature made with {@code privateKey} verifies with {@code rawPublic}. */
    public static boolean checkPair(PrivateKey privateKey, byte[] rawPublic) {
        byte[] probe = "mx-agent key pair check".getBytes(StandardCharsets.US_ASCII);
        return verify(rawPublic, probe, sign(privateKey, probe));
    }

    private static void requireLength(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException("Ed25519 " + what + " must be " + length + " bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** A SecureRandom that returns the seed once, for exactly one 32-byte request, and refuses anything else. */
    private static final class SeedOnlyRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        SeedOnlyRandom(byte[] seed) {
            super(new SeedSpi(seed), null);
        }
    }

    private static final class SeedSpi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private byte[] seed;

        SeedSpi(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {
            // seeding cannot change the fixed output
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("Ed25519 key generation asked for unexpected random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
            Arrays.fill(seed, (byte) 0);
            seed = null;
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new UnsupportedOperationException("fixed-seed random");
        }
    }
}
