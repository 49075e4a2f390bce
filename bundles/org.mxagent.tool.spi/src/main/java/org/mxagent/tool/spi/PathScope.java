package org.mxagent.tool.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a tool may read or run: under one of {@link #roots()} (for a remote call, the requester's
 * {@code allow_cwd} entries in policy.toml), or anywhere for a loopback call ({@link #unrestricted()}: the local
 * caller is the same OS user as the runtime and could read the file directly).
 *
 * <p>Unlike policy's lexical cwd rule, {@link #resolve} follows symbolic links: a link inside an allowed
 * directory that points outside it is refused, because a tool reads what the link points to.
 */
public record PathScope(boolean unrestricted, List<Path> roots) {

    public PathScope {
        roots = List.copyOf(roots);
        for (Path root : roots) {
            if (!root.isAbsolute()) {
                throw new IllegalArgumentException("path scope roots are absolute: " + root);
            }
        }
    }

    /** Anything the runtime's user may reach. */
    public static PathScope anywhere() {
        return new PathScope(true, List.of());
    }

    /** Only at or below these directories. */
    public static PathScope within(List<Path> roots) {
        return new PathScope(false, roots);
    }

    /**
     * The real path (symbolic links resolved) of an existing file or directory the tool may use.
     *
     * @param requested an absolute path without {@code .} or {@code ..} segments, as the caller sent it
     * @throws ToolException {@code INVALID_ARGUMENTS} for a relative or dotted path or one that does not exist,
     *                       {@code DENIED} for one outside the scope
     */
    public Path resolve(String requested) throws ToolException {
        Objects.requireNonNull(requested, "requested");
        Path path;
        try {
            path = Path.of(requested);
        } catch (RuntimeException invalid) {
            throw new ToolException(ToolException.Kind.INVALID_ARGUMENTS, "not a path: " + requested);
        }
        if (!path.isAbsolute()) {
            throw new ToolException(ToolException.Kind.INVALID_ARGUMENTS, "the path must be absolute: " + requested);
        }
        for (Path segment : path) {
            String name = segment.toString();
            if (name.equals(".") || name.equals("..")) {
                throw new ToolException(ToolException.Kind.INVALID_ARGUMENTS,
                        "the path must not contain . or .. segments: " + requested);
            }
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException missing) {
            throw new ToolException(ToolException.Kind.INVALID_ARGUMENTS, "no such file or directory: " + requested);
        }
        if (unrestricted) {
            return real;
        }
        for (Path root : roots) {
            Path realRoot = realRoot(root);
            if (realRoot != null && real.startsWith(realRoot)) {
                return real;
            }
        }
        throw new ToolException(ToolException.Kind.DENIED, requested + " is outside the allowed paths " + roots);
    }

    private static Path realRoot(Path root) {
        try {
            return Files.exists(root, LinkOption.NOFOLLOW_LINKS) ? root.toRealPath() : null;
        } catch (IOException gone) {
            return null;
        }
    }
}
