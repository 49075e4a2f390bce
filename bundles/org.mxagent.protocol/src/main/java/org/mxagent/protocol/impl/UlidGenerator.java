package org.mxagent.protocol.impl;

import java.time.Clock;
import java.util.Random;

/**
 * ULIDs: 48-bit Unix-millisecond timestamp then 80 random bits, as 26 Crockford base32 characters (upper case).
 * Monotonic per generator: within one millisecond, or when the clock steps back, the previous random part is
 * incremented instead of drawn again, so ids from one generator sort in creation order. In the (2^-80) case that
 * the increment overflows, the timestamp part is advanced by one millisecond.
 */
public final class UlidGenerator {
    /** Crockford's base32 alphabet: no I, L, O, U. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 26;
    private static final long MAX_TIMESTAMP = (1L << 48) - 1;

    private final Clock clock;
    private final Random random;
    private final byte[] randomPart = new byte[10];
    private long lastMillis = -1;

    public UlidGenerator(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public synchronized String next() {
        long now = clock.millis();
        if (now < 0 || now > MAX_TIMESTAMP) {
            throw new IllegalStateException("clock " + now + " ms is outside the 48-bit ULID range");
        }
        if (now > lastMillis) {
            lastMillis = now;
            random.nextBytes(randomPart);
        } else if (!increment(randomPart)) {
            lastMillis++;
            random.nextBytes(randomPart);
        }
        return encode(lastMillis, randomPart);
    }

    /** Encodes a timestamp and 10 random bytes; exposed for tests against known ULIDs. */
    public static String encode(long millis, byte[] tenBytes) {
        char[] out = new char[LENGTH];
        long t = millis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (t & 31));
            t >>>= 5;
        }
        long high = 0; // first 40 bits
        long low = 0; // last 40 bits
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (tenBytes[i] & 0xff);
            low = (low << 8) | (tenBytes[i + 5] & 0xff);
        }
        for (int i = 7; i >= 0; i--) {
            out[10 + i] = ALPHABET.charAt((int) (high & 31));
            out[18 + i] = ALPHABET.charAt((int) (low & 31));
            high >>>= 5;
            low >>>= 5;
        }
        return new String(out);
    }

    /** True for 26 upper-case Crockford characters whose value fits in 128 bits (first character 0..7). */
    public static boolean isUlid(CharSequence s, int from) {
        if (s.length() - from != LENGTH || s.charAt(from) > '7') {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean increment(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            bytes[i]++;
            if (bytes[i] != 0) {
                return true;
            }
        }
        return false;
    }
}
