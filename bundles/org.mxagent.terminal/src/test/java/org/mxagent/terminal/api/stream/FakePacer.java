package org.mxagent.terminal.api.stream;

/** A pacer the test opens and closes: while closed, every optional flush must wait {@code delayNanos}. */
final class FakePacer implements SendPacer {
    long delayNanos;
    int acquired;

    @Override
    public long delayNanos(long nowNanos) {
        return delayNanos;
    }

    @Override
    public void acquire(long nowNanos) {
        acquired++;
    }
}
