package org.mxagent.daemon.impl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {
    @TempDir
    Path dir;

    @Test
    void oneHolderAtATimeAndReleasedOnClose() throws IOException {
        Path file = dir.resolve("daemon.lock");
        try (InstanceLock first = InstanceLock.acquire(file)) {
            IOException e = assertThrows(IOException.class, () -> InstanceLock.acquire(file));
            assertTrue(e.getMessage().contains("already runs a daemon"), e.getMessage());
        }
        try (InstanceLock again = InstanceLock.acquire(file)) {
            assertTrue(file.toFile().exists());
        }
    }
}
