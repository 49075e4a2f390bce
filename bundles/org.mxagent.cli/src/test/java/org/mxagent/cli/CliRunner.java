package org.mxagent.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process against a {@link FakeDaemon} in a temporary runtime directory and keeps what it
 * printed (as bytes too, for binary output).
 */
final class CliRunner implements AutoCloseable {
    final Path runtimeDir;
    final Map<String, String> env = new HashMap<>();
    final ScriptedTerminal terminal = new ScriptedTerminal();
    private FakeDaemon daemon;
    byte[] stdoutBytes = new byte[0];
    String stdout = "";
    String stderr = "";

    /** A terminal that is scripted instead of typed at. */
    static final class ScriptedTerminal implements Terminal {
        boolean interactive;

        @Override
        public boolean isInteractive() {
            return interactive;
        }

        @Override
        public char[] readPassword(String prompt) {
            return null;
        }
    }

    CliRunner(Path runtimeDir) {
        this.runtimeDir = runtimeDir;
        env.put("MX_AGENT_RUNTIME_DIR", runtimeDir.toString());
    }

    FakeDaemon daemon() throws IOException {
        if (daemon == null) {
            daemon = FakeDaemon.start(runtimeDir.resolve("daemon.sock"));
        }
        return daemon;
    }

    int run(String... args) {
        return runWithInput(new byte[0], args);
    }

    int runWithInput(byte[] input, String... args) {
        return runWithStdin(new ByteArrayInputStream(input), args);
    }

    /** With a standard input the test controls, e.g. one that ends only when the test says so. */
    int runWithStdin(InputStream input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), input, env, terminal,
                null, "tester").run(args);
        stdoutBytes = out.toByteArray();
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }

    /** The params of every request the daemon received, in order. */
    List<Map<String, Object>> params() {
        List<Map<String, Object>> params = new ArrayList<>();
        for (Map<String, Object> request : daemon.requests()) {
            params.add(Json.object(request, "params"));
        }
        return params;
    }

    /** The params of the only request. */
    Map<String, Object> onlyParams() {
        List<Map<String, Object>> all = params();
        if (all.size() != 1) {
            throw new AssertionError("expected one request, got " + daemon.requests());
        }
        return all.get(0);
    }

    boolean nothingSent() {
        return daemon == null || daemon.requests().isEmpty();
    }

    @Override
    public void close() throws IOException {
        if (daemon != null) {
            daemon.close();
        }
    }
}
