package org.mxagent.sandbox.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {
    @TempDir
    Path dir;

    private Path tool(Path directory, String name, String mode) throws Exception {
        Files.createDirectories(directory);
        return Files.createFile(directory.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
    }

    @Test
    void searchesAbsolutePathEntriesInOrderForAnExecutable() throws Exception {
        tool(dir.resolve("a"), "bwrap", "rw-------");
        Path wanted = tool(dir.resolve("b"), "bwrap", "rwx------");
        tool(dir.resolve("c"), "bwrap", "rwx------");
        String path = "relative:" + dir.resolve("a") + "::" + dir.resolve("b") + ":" + dir.resolve("c");
        assertEquals(Optional.of(wanted), Executables.find("", "bwrap", path));
    }

    @Test
    void aConfiguredPathMustBeAbsoluteAndExecutable() throws Exception {
        Path ok = tool(dir, "bwrap", "rwx------");
        assertEquals(Optional.of(ok), Executables.find(ok.toString(), "bwrap", null));
        assertTrue(Executables.find("bwrap", "bwrap", dir.toString()).isEmpty(), "relative configured path");
        assertTrue(Executables.find(dir.resolve("missing").toString(), "bwrap", dir.toString()).isEmpty());
    }

    @Test
    void noPathFindsNothing() {
        assertTrue(Executables.find(null, "bwrap", null).isEmpty());
    }
}
