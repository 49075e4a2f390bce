package org.mxagent.policy.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchPathResolverTest {
    @TempDir
    Path dir;

    @Test
    void firstExecutableInPathOrderWins() throws IOException {
        Path first = executable("first/tool");
        executable("second/tool");
        SearchPathResolver resolver = new SearchPathResolver(dir.resolve("first") + ":" + dir.resolve("second"));
        assertEquals(Optional.of(first), resolver.resolve("tool"));
    }

    @Test
    void nonExecutableFilesAndDirectoriesAreSkipped() throws IOException {
        Path plain = dir.resolve("plain/tool");
        Files.createDirectories(plain.getParent());
        Files.writeString(plain, "not executable");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(dir.resolve("dirs/tool"));
        Path real = executable("bin/tool");
        SearchPathResolver resolver = new SearchPathResolver(
                dir.resolve("plain") + ":" + dir.resolve("dirs") + ":" + dir.resolve("bin"));
        assertEquals(Optional.of(real), resolver.resolve("tool"));
    }

    @Test
    void emptyAndRelativePathEntriesAreIgnored() throws IOException {
        executable("rel/tool");
        SearchPathResolver resolver = new SearchPathResolver(":.:rel:" + dir.resolve("missing"));
        assertEquals(Optional.empty(), resolver.resolve("tool"));
    }

    @Test
    void namesWithSlashesAreNeverSearched() throws IOException {
        executable("bin/sub/tool");
        SearchPathResolver resolver = new SearchPathResolver(dir.resolve("bin").toString());
        assertEquals(Optional.empty(), resolver.resolve("sub/tool"));
        assertEquals(Optional.empty(), resolver.resolve(""));
        assertEquals(Optional.empty(), new SearchPathResolver(null).resolve("tool"));
    }

    private Path executable(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
