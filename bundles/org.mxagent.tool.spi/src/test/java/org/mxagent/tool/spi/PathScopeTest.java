package org.mxagent.tool.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathScopeTest {
    @TempDir
    Path dir;

    @Test
    void allowsFilesBelowARootByComponent() throws Exception {
        Path allowed = Files.createDirectories(dir.resolve("work/a"));
        Path file = Files.writeString(allowed.resolve("f.txt"), "x");
        Path sibling = Files.createDirectories(dir.resolve("work/ab"));
        Files.writeString(sibling.resolve("g.txt"), "y");
        PathScope scope = PathScope.within(List.of(allowed));

        assertEquals(file.toRealPath(), scope.resolve(file.toString()));
        ToolException outside = assertThrows(ToolException.class, () -> scope.resolve(sibling.resolve("g.txt").toString()));
        assertEquals(ToolException.Kind.DENIED, outside.kind());
    }

    @Test
    void refusesALinkThatLeavesTheScope() throws IOException {
        Path allowed = Files.createDirectories(dir.resolve("allowed"));
        Path secret = Files.writeString(dir.resolve("secret"), "s");
        Path link = Files.createSymbolicLink(allowed.resolve("link"), secret);

        ToolException denied = assertThrows(ToolException.class,
                () -> PathScope.within(List.of(allowed)).resolve(link.toString()));
        assertEquals(ToolException.Kind.DENIED, denied.kind());
    }

    @Test
    void refusesRelativeDottedAndMissingPaths() {
        PathScope scope = PathScope.anywhere();
        assertEquals(ToolException.Kind.INVALID_ARGUMENTS,
                assertThrows(ToolException.class, () -> scope.resolve("relative/x")).kind());
        assertEquals(ToolException.Kind.INVALID_ARGUMENTS,
                assertThrows(ToolException.class, () -> scope.resolve(dir + "/../x")).kind());
        assertEquals(ToolException.Kind.INVALID_ARGUMENTS,
                assertThrows(ToolException.class, () -> scope.resolve(dir + "/missing")).kind());
    }

    @Test
    void anywhereResolvesAnyExistingPath() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertEquals(file.toRealPath(), PathScope.anywhere().resolve(file.toString()));
    }
}
