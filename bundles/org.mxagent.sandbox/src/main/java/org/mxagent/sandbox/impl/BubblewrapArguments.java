package org.mxagent.sandbox.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.sandbox.api.LaunchMode;
import org.mxagent.sandbox.api.LaunchSpec;
import org.mxagent.sandbox.api.SandboxException;

/**
 * The {@code bwrap} command line for one launch. Order matters to bwrap (later mounts cover earlier ones):
 * namespaces and process options, the root (host read-only or the system directories), fresh /proc, /dev and
 * /tmp, then the binds from shallow to deep so the most specific bind decides for its subtree, then the masked
 * runtime directories, which always win; then {@code --chdir} and the command.
 */
final class BubblewrapArguments {
    private static final List<String> SYSTEM_DIRECTORIES =
            List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc");

    private BubblewrapArguments() {}

    static List<String> build(Path bwrap, LaunchSpec spec, RootMode root, List<Path> masked,
            List<String> limitsPrefix) throws SandboxException {
        Allowance allowance = spec.allowance();
        List<String> args = new ArrayList<>(List.of(bwrap.toString(), "--unshare-all"));
        if (allowance.network() == NetworkMode.ALLOW) {
            args.add("--share-net");
        }
        args.add("--die-with-parent");
        if (spec.mode() == LaunchMode.BATCH) {
            // A batch child must not reach the runtime's terminal (TIOCSTI); a PTY child needs its own as ctty.
            args.add("--new-session");
        }
        args.addAll(List.of("--cap-drop", "ALL"));
        addRoot(args, root);
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (Bind bind : binds(spec)) {
            args.addAll(List.of(bind.writable() ? "--bind" : "--ro-bind", bind.path().toString(),
                    bind.path().toString()));
        }
        for (Path hidden : masked) {
            if (Files.isDirectory(hidden)) {
                args.addAll(List.of("--tmpfs", hidden.toString()));
            }
        }
        args.addAll(List.of("--chdir", spec.cwd().toString(), "--"));
        args.addAll(limitsPrefix);
        args.addAll(spec.argv());
        return args;
    }

    private static void addRoot(List<String> args, RootMode root) throws SandboxException {
        if (root == RootMode.HOST) {
            args.addAll(List.of("--ro-bind", "/", "/"));
            return;
        }
        for (String directory : SYSTEM_DIRECTORIES) {
            Path path = Path.of(directory);
            try {
                if (Files.isSymbolicLink(path)) {
                    // Merged-/usr systems: /bin is a link into /usr, and must stay one inside.
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), directory));
                } else if (Files.isDirectory(path)) {
                    args.addAll(List.of("--ro-bind", directory, directory));
                }
            } catch (java.io.IOException e) {
                throw new SandboxException("cannot read the link " + directory + ": " + e.getMessage());
            }
        }
    }

    /**
     * The policy's read-only and writable paths, and the cwd (read-only unless a writable path covers it, so the
     * command can start there even under the fresh /tmp). One path named both ways stays read-only.
     */
    static List<Bind> binds(LaunchSpec spec) throws SandboxException {
        Map<Path, Bind> byPath = new LinkedHashMap<>();
        for (Path path : spec.allowance().writablePaths()) {
            byPath.put(existing(path, "writable"), new Bind(path, true));
        }
        for (Path path : spec.allowance().readOnlyPaths()) {
            byPath.put(existing(path, "read-only"), new Bind(path, false));
        }
        Path cwd = existing(spec.cwd(), "working");
        boolean cwdWritable = byPath.values().stream().anyMatch(b -> b.writable() && b.covers(cwd));
        byPath.putIfAbsent(cwd, new Bind(cwd, cwdWritable));
        List<Bind> binds = new ArrayList<>(byPath.values());
        binds.sort(Comparator.comparingInt(Bind::depth));
        return binds;
    }

    private static Path existing(Path path, String role) throws SandboxException {
        if (!path.isAbsolute()) {
            throw new SandboxException("the " + role + " path " + path + " is not absolute");
        }
        if (!Files.exists(path)) {
            throw new SandboxException("the " + role + " path " + path + " does not exist, so it cannot be bound");
        }
        return path;
    }
}
