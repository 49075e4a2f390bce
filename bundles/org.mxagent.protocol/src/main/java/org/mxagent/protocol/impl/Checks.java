package org.mxagent.protocol.impl;

/** Argument checks shared by the records. */
public final class Checks {
    private Checks() {}

    public static void range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    /** A value already range-checked to int by the reader. */
    public static Integer toInteger(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }
}
