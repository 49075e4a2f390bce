package org.mxagent.bench.olm;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import org.mxagent.crypto.olm.impl.LibolmCryptoProvider;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.GroupDecryption;
import org.mxagent.crypto.spi.InboundGroupSession;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OutboundGroupSession;

/**
 * Megolm encrypt+decrypt of fixed-size messages per second, through the binding and through a minimal
 * direct JNA loop, in the same JVM: warm-up of both, then rounds that alternate binding and floor so drift
 * (frequency scaling, other load) hits both alike. Reports the median round of each and the ratio.
 */
public final class MegolmBench {
    private final int size = Integer.getInteger("bench.size", 1024);
    private final byte[] plaintext = new byte[size];
    private long checksum;

    public static void main(String[] args) throws OlmException {
        int warmup = Integer.getInteger("bench.warmup", 5000);
        int rounds = Integer.getInteger("bench.rounds", 10);
        int ops = Integer.getInteger("bench.ops", 2000);
        new MegolmBench().run(warmup, rounds, ops);
    }

    private void run(int warmup, int rounds, int ops) throws OlmException {
        new SecureRandom().nextBytes(plaintext);
        long start = System.nanoTime();
        CryptoProvider provider = new LibolmCryptoProvider();
        System.out.printf(Locale.ROOT, "%s loaded in %.1f ms; JVM %s; %d-byte messages; warm-up %d, %d rounds x %d ops%n",
                provider.name(), (System.nanoTime() - start) / 1e6, Runtime.version(), size, warmup, rounds, ops);

        try (OutboundGroupSession outbound = provider.createOutboundGroupSession();
                InboundGroupSession inbound = provider.createInboundGroupSession(outbound.sessionKey());
                RawSessions raw = new RawSessions()) {
            binding(outbound, inbound, warmup);
            floor(raw, warmup);
            double[] bindingRates = new double[rounds];
            double[] floorRates = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                bindingRates[round] = binding(outbound, inbound, ops);
                floorRates[round] = floor(raw, ops);
            }
            double[] encryptBinding = new double[rounds];
            double[] encryptFloor = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                encryptBinding[round] = bindingEncryptOnly(outbound, ops);
                encryptFloor[round] = floorEncryptOnly(raw, ops);
            }
            report("encrypt+decrypt", bindingRates, floorRates);
            report("encrypt only   ", encryptBinding, encryptFloor);
            System.out.println("(checksum " + checksum + ")");
        }
    }

    private static void report(String what, double[] binding, double[] floor) {
        double b = median(binding);
        double f = median(floor);
        System.out.printf(Locale.ROOT, "%s  binding %,10.0f ops/s   raw JNA floor %,10.0f ops/s   ratio %.3f"
                + "   (binding rounds %,.0f..%,.0f, floor rounds %,.0f..%,.0f)%n", what, b, f, b / f,
                min(binding), max(binding), min(floor), max(floor));
    }

    /** Through the SPI: encrypt to a String, decrypt to plaintext + index. */
    private double binding(OutboundGroupSession outbound, InboundGroupSession inbound, int ops) throws OlmException {
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            long expected = outbound.messageIndex();
            GroupDecryption decrypted = inbound.decrypt(outbound.encrypt(plaintext));
            if (decrypted.messageIndex() != expected || decrypted.plaintext().length != size) {
                throw new IllegalStateException("binding round trip wrong at index " + expected);
            }
            checksum += decrypted.plaintext()[i % size];
        }
        return ops * 1e9 / (System.nanoTime() - start);
    }

    private double bindingEncryptOnly(OutboundGroupSession outbound, int ops) {
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            checksum += outbound.encrypt(plaintext).length();
        }
        return ops * 1e9 / (System.nanoTime() - start);
    }

    /** The same libolm calls with nothing around them: no Strings, no locks, no copies. */
    private double floor(RawSessions raw, int ops) {
        RawOlm lib = RawOlm.LIB;
        int[] index = new int[1];
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            long length = lib.olm_group_encrypt_message_length(raw.outbound, size);
            byte[] message = new byte[(int) length];
            long written = lib.olm_group_encrypt(raw.outbound, plaintext, size, message, length);
            if (written == raw.error) {
                throw new IllegalStateException("olm_group_encrypt failed");
            }
            byte[] out = new byte[(int) (written / 4 * 3 + 3)];
            long read = lib.olm_group_decrypt(raw.inbound, message, written, out, out.length, index);
            if (read != size) {
                throw new IllegalStateException("olm_group_decrypt failed");
            }
            checksum += out[i % size];
        }
        return ops * 1e9 / (System.nanoTime() - start);
    }

    private double floorEncryptOnly(RawSessions raw, int ops) {
        RawOlm lib = RawOlm.LIB;
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            long length = lib.olm_group_encrypt_message_length(raw.outbound, size);
            byte[] message = new byte[(int) length];
            checksum += lib.olm_group_encrypt(raw.outbound, plaintext, size, message, length);
        }
        return ops * 1e9 / (System.nanoTime() - start);
    }

    /** A Megolm session pair made with raw calls, freed (cleared, zeroed) at the end. */
    private static final class RawSessions implements AutoCloseable {
        final long error = RawOlm.LIB.olm_error();
        final Memory outboundMemory = new Memory(RawOlm.LIB.olm_outbound_group_session_size());
        final Memory inboundMemory = new Memory(RawOlm.LIB.olm_inbound_group_session_size());
        final Pointer outbound = RawOlm.LIB.olm_outbound_group_session(outboundMemory);
        final Pointer inbound = RawOlm.LIB.olm_inbound_group_session(inboundMemory);

        RawSessions() {
            RawOlm lib = RawOlm.LIB;
            byte[] random = new byte[(int) lib.olm_init_outbound_group_session_random_length(outbound)];
            new SecureRandom().nextBytes(random);
            if (lib.olm_init_outbound_group_session(outbound, random, random.length) == error) {
                throw new IllegalStateException("olm_init_outbound_group_session failed");
            }
            Arrays.fill(random, (byte) 0);
            byte[] key = new byte[(int) lib.olm_outbound_group_session_key_length(outbound)];
            long keyLength = lib.olm_outbound_group_session_key(outbound, key, key.length);
            if (keyLength == error || lib.olm_init_inbound_group_session(inbound, key, keyLength) == error) {
                throw new IllegalStateException("raw Megolm session set-up failed");
            }
        }

        @Override
        public void close() {
            RawOlm.LIB.olm_clear_outbound_group_session(outbound);
            RawOlm.LIB.olm_clear_inbound_group_session(inbound);
            outboundMemory.clear();
            inboundMemory.clear();
            outboundMemory.close();
            inboundMemory.close();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
