package org.mxagent.cli;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Builds and starts the runtime process: {@code java -jar <runtime jar>} with the CLI's environment (which is
 * where the MX_AGENT_*_DIR variables that tell two runtimes apart come from).
 */
final class DaemonLauncher {
    private static final List<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid");

    private final Path jar;
    private final String config;
    private final Map<String, String> environment;

    DaemonLauncher(Path jar, String config, Map<String, String> environment) {
        this.jar = jar;
        this.config = config;
        this.environment = environment;
    }

    /** The java binary running this CLI, so the daemon gets the same JDK. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        if (config != null) {
            command.add("-Dmxagent.config=" + config);
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** bnd's launcher exits with this code when the framework was stopped on request (daemon stop). */
    static final int LAUNCHER_FRAMEWORK_STOPPED = 117;

    /** Runs the daemon attached to this terminal; returns its exit code, 0 after a requested stop. */
    int runInForeground() throws IOException, InterruptedException {
        int exit = withEnvironment(new ProcessBuilder(command()).inheritIO()).start().waitFor();
        return exit == LAUNCHER_FRAMEWORK_STOPPED ? 0 : exit;
    }

    /**
     * Starts the daemon in its own session (no terminal signals reach it), stdin from /dev/null, output appended
     * to {@code log}.
     */
    Process startInBackground(Path log) throws IOException {
        List<String> command = new ArrayList<>();
        String setsid = setsid();
        if (setsid != null) {
            command.add(setsid);
        }
        command.addAll(command());
        return withEnvironment(new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)).start();
    }

    /** Creates the log (0600) if needed, marks where this start begins, and returns that offset. */
    static long markLog(Path log, String marker) throws IOException {
        Path dir = log.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        try (FileChannel channel = FileChannel.open(log, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))) {
            long offset = channel.size();
            channel.write(StandardCharsets.UTF_8.encode(marker + "\n"));
            return offset;
        }
    }

    private ProcessBuilder withEnvironment(ProcessBuilder builder) {
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }

    private static String setsid() {
        for (String candidate : SETSID) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
