package org.mxagent.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.opentest4j.AssertionFailedError;

/**
 * One mx-agent runtime as a user has it: a daemon process with its own private data, config and runtime
 * directories, driven only through the real CLI ({@code java -cp <cli jar> org.mxagent.cli.Main …}).
 *
 * <p>The directories live under one fresh {@code /tmp/mxa-e2e-*} (0700; short, because the daemon's Unix socket
 * path must stay under ~107 bytes). {@link #close()} runs {@code daemon stop}, kills the daemon if it is still
 * alive, and deletes the directories unless {@link #keepFiles()} was called (the {@link E2e} extension does that
 * when a test fails, after printing {@link #failureReport}).
 */
public final class AgentRuntime implements AutoCloseable {
    public static final Duration CLI_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final int HISTORY = 12;
    /** Daemons of runtimes not closed yet: a JVM that exits anyway (killed fork, timeout) kills them. */
    private static final Set<AgentRuntime> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AgentRuntime runtime : OPEN) {
                runtime.knownDaemonPids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            }
        }, "mx-agent e2e: kill leftover daemons"));
    }

    private final String name;
    private final Path root;
    private final Path dataDir;
    private final Path configDir;
    private final Path runtimeDir;
    private final Path cliDir;
    private final Path repoRoot;
    private final Path runtimeJar;
    private final Path cliJar;
    private final Map<String, String> environment;
    private final AtomicInteger calls = new AtomicInteger();
    private final Deque<CliResult> history = new ArrayDeque<>();
    private final Set<Long> daemonPids = ConcurrentHashMap.newKeySet();
    private volatile boolean keepFiles;
    private volatile boolean closed;

    private AgentRuntime(String name, Path root) {
        this.name = name;
        this.root = root;
        this.dataDir = root.resolve("data");
        this.configDir = root.resolve("config");
        this.runtimeDir = root.resolve("run");
        this.cliDir = root.resolve("cli");
        this.repoRoot = E2eEnvironment.repoRoot();
        this.runtimeJar = E2eEnvironment.runtimeJar();
        this.cliJar = E2eEnvironment.cliJar();
        Map<String, String> env = new HashMap<>(System.getenv());
        // The developer's own MX_AGENT_* settings (and the registration secret) must not reach the runtime.
        env.keySet().removeIf(key -> key.startsWith("MX_AGENT_"));
        env.put("MX_AGENT_DATA_DIR", dataDir.toString());
        env.put("MX_AGENT_CONFIG_DIR", configDir.toString());
        env.put("MX_AGENT_RUNTIME_DIR", runtimeDir.toString());
        env.put("MX_AGENT_LOG", System.getProperty("mxagent.e2e.log", "info"));
        this.environment = Map.copyOf(env);
    }

    /** A runtime with fresh directories; its daemon is not started yet ({@link #start()}). */
    public static AgentRuntime create(String name) {
        if (!name.matches("[A-Za-z0-9_-]{1,20}")) {
            throw new IllegalArgumentException("runtime names are short words: " + name);
        }
        Path root;
        try {
            root = Files.createTempDirectory(Path.of("/tmp"), "mxa-e2e-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            for (String dir : List.of("data", "config", "run", "cli")) {
                Files.createDirectory(root.resolve(dir),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the runtime directories", e);
        }
        AgentRuntime runtime = new AgentRuntime(name, root);
        OPEN.add(runtime);
        return runtime;
    }

    public String name() {
        return name;
    }

    public Path root() {
        return root;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path configDir() {
        return configDir;
    }

    public Path runtimeDir() {
        return runtimeDir;
    }

    public Path socket() {
        return runtimeDir.resolve("daemon.sock");
    }

    public Path daemonLog() {
        return runtimeDir.resolve("daemon.log");
    }

    public Path daemonJson() {
        return runtimeDir.resolve("daemon.json");
    }

    /** The environment every CLI process of this runtime gets (the daemon inherits it from {@code daemon start}). */
    public Map<String, String> environment() {
        return environment;
    }

    // ---------------------------------------------------------------- the CLI

    /** Runs {@code mx-agent args…} to completion (at most {@link #CLI_TIMEOUT}). */
    public CliResult cli(String... args) {
        return cli(Map.of(), CLI_TIMEOUT, args);
    }

    /** Runs the CLI with extra environment variables (e.g. MX_AGENT_PASSWORD) and its own timeout. */
    public CliResult cli(Map<String, String> extraEnv, Duration timeout, String... args) {
        return cliAsync(extraEnv, null, args).await(timeout);
    }

    /** Runs the CLI with {@code stdin} as its standard input (e.g. lines for the {@code shell} console). */
    public CliResult cliWithInput(String stdin, String... args) {
        return cliAsync(Map.of(), stdin, args).await(CLI_TIMEOUT);
    }

    /** Runs the CLI with {@code stdin} as its standard input, byte for byte (e.g. a binary document to share). */
    public CliResult cliWithInput(byte[] stdin, String... args) {
        return cliAsyncBytes(Map.of(), stdin, args).await(CLI_TIMEOUT);
    }

    /** Starts the CLI with its standard input an open pipe ({@link PendingCli#writeStdin}, {@link PendingCli#closeStdin}). */
    public PendingCli cliPiped(String... args) {
        return launch(Map.of(), null, true, args);
    }

    /** Starts the CLI and returns at once; stdin is empty unless {@code stdin} is given. */
    public PendingCli cliAsync(Map<String, String> extraEnv, String stdin, String... args) {
        return cliAsyncBytes(extraEnv, stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** The command line that runs this runtime's CLI, as {@link #cliAsync} runs it (e.g. to put it on a PTY). */
    public List<String> cliCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(E2eEnvironment.javaBinary().toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dmxagent.runtime.jar=" + runtimeJar, "-cp", cliJar.toString(), "org.mxagent.cli.Main"));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Starts the CLI and returns at once; stdin is empty unless {@code stdin} is given. */
    public PendingCli cliAsyncBytes(Map<String, String> extraEnv, byte[] stdin, String... args) {
        return launch(extraEnv, stdin, false, args);
    }

    private PendingCli launch(Map<String, String> extraEnv, byte[] stdin, boolean piped, String... args) {
        if (closed) {
            throw new IllegalStateException("runtime " + name + " is closed");
        }
        int call = calls.incrementAndGet();
        Path out = cliDir.resolve(call + ".out");
        Path err = cliDir.resolve(call + ".err");
        List<String> command = new ArrayList<>(List.of(E2eEnvironment.javaBinary().toString(),
                // As the mx-agent script runs it: the CLI lives for milliseconds.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dmxagent.runtime.jar=" + runtimeJar, "-cp", cliJar.toString(), "org.mxagent.cli.Main"));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            if (piped) {
                builder.redirectInput(ProcessBuilder.Redirect.PIPE);
            } else if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            } else {
                Path in = cliDir.resolve(call + ".in");
                Files.write(in, stdin);
                builder.redirectInput(in.toFile());
            }
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().putAll(extraEnv);
            long started = System.nanoTime();
            return new PendingCli(name, Arrays.asList(args), builder.start(), out, err, started, this::remember);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /** {@code mx-agent shell -c COMMAND}: one Gogo command on the running daemon. */
    public CliResult shell(String command) {
        return cli("shell", "-c", command);
    }

    /** {@code mx-agent --json args…}, which must succeed; returns the JSON it printed. */
    public JsonNode jsonCli(String... args) {
        String[] withJson = new String[args.length + 1];
        withJson[0] = "--json";
        System.arraycopy(args, 0, withJson, 1, args.length);
        return cli(withJson).assertSuccess().json();
    }

    // ---------------------------------------------------------------- lifecycle and account

    /**
     * {@code daemon start}, which must succeed and (since it waits for the daemon to report ready) leaves a
     * runtime whose transport and bundles are all up. Remembers the daemon's pid for {@link #close()}.
     */
    public CliResult start() {
        CliResult started = cli("daemon", "start").assertSuccess();
        rememberDaemonPid();
        return started;
    }

    /**
     * {@link #start()} with extra environment for the daemon, which its children inherit (e.g. a private
     * {@code HOME} for an agent CLI that writes its settings there).
     */
    public CliResult start(Map<String, String> daemonEnv) {
        CliResult started = cli(daemonEnv, CLI_TIMEOUT, "daemon", "start").assertSuccess();
        rememberDaemonPid();
        return started;
    }

    /** Waits until {@code daemon status} shows the Matrix transport and every bundle active. */
    public JsonNode awaitReady() {
        return Eventually.within(Duration.ofSeconds(30)).until(name + "'s runtime ready (transport up, all bundles "
                + "active)", this::status, s -> s.path("transport").asBoolean()
                        && s.path("bundles").path("active").asInt() == s.path("bundles").path("total").asInt());
    }

    /** {@code auth login} as {@code user} (password through MX_AGENT_PASSWORD), which must succeed. */
    public Session login(MatrixUser user) {
        CliResult result = loginAttempt(user.homeserver().toString(), user.userId(), user.password()).assertSuccess();
        Session session = Session.fromJson(result.json());
        if (session == null || !user.userId().equals(session.userId()) || session.deviceId() == null) {
            throw new AssertionFailedError("auth login did not report a session for " + user.userId() + ": " + result);
        }
        return session;
    }

    /** {@code --json auth login} with any password; the result is not checked. */
    public CliResult loginAttempt(String homeserver, String user, String password) {
        return cli(Map.of("MX_AGENT_PASSWORD", password), CLI_TIMEOUT, "--json", "auth", "login", "--homeserver",
                homeserver, "--user", user);
    }

    /** {@code daemon status --json}, which must succeed. */
    public JsonNode status() {
        JsonNode status = jsonCli("daemon", "status");
        if (status.path("pid").canConvertToLong() && status.path("pid").asLong() > 0) {
            daemonPids.add(status.path("pid").asLong());
        }
        return status;
    }

    /** The session in {@code daemon status}, or null when logged out. */
    public Session session() {
        return Session.fromJson(status().path("session"));
    }

    /** {@code shell -c mx:sync}, which must succeed, parsed. */
    public SyncReport sync() {
        return SyncReport.parse(shell("mx:sync").assertSuccess().stdout());
    }

    // ---------------------------------------------------------------- bundles

    /** {@code shell -c 'lb -s'}: every bundle with its symbolic name. */
    public List<BundleRow> bundles() {
        return BundleRow.parseTable(shell("lb -s").assertSuccess().stdout());
    }

    public BundleRow bundle(String symbolicName) {
        return bundles().stream().filter(row -> row.name().equals(symbolicName)).findFirst()
                .orElseThrow(() -> new AssertionFailedError("no bundle " + symbolicName + " in " + name + ": "
                        + bundles()));
    }

    public long bundleId(String symbolicName) {
        return bundle(symbolicName).id();
    }

    /** {@code Bundle.getLastModified()} of bundle {@code id}: changes when an update installs a new revision. */
    public long bundleLastModified(long id) {
        CliResult result = shell("($.context bundle " + id + ") lastModified").assertSuccess();
        try {
            return Long.parseLong(result.out());
        } catch (NumberFormatException e) {
            throw new AssertionFailedError("not a lastModified time: " + result, e);
        }
    }

    /**
     * Copies bundle {@code symbolicName} out of the runtime jar this daemon runs (its {@code jar/<bsn>-<version>.jar}
     * entry) into this runtime's directory and returns it: exactly the bits that are installed, so
     * {@code update <id> <its file: URL>} installs a new revision of the same code, whatever state the working
     * tree's {@code bundles/*}{@code /target} jars are in.
     */
    public Path embeddedBundle(String symbolicName) {
        String prefix = "jar/" + symbolicName + "-";
        try (ZipFile jar = new ZipFile(runtimeJar.toFile())) {
            ZipEntry entry = jar.stream().filter(e -> e.getName().startsWith(prefix) && e.getName().endsWith(".jar")
                    && Character.isDigit(e.getName().charAt(prefix.length()))).findFirst()
                    .orElseThrow(() -> new AssertionFailedError("no " + prefix + "*.jar in " + runtimeJar));
            Path dir = Files.createDirectories(root.resolve("bundles"));
            Path copy = dir.resolve(entry.getName().substring("jar/".length()));
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + symbolicName + " out of " + runtimeJar, e);
        }
    }

    // ---------------------------------------------------------------- the daemon process

    /** The pid in {@code daemon.json}, if the file is there. */
    public OptionalLong daemonJsonPid() {
        if (!Files.isRegularFile(daemonJson())) {
            return OptionalLong.empty();
        }
        try {
            JsonNode json = CliResult.MAPPER.readTree(daemonJson().toFile());
            return json.path("pid").canConvertToLong() ? OptionalLong.of(json.path("pid").asLong())
                    : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty(); // being replaced at this moment
        }
    }

    /**
     * Every live process running this checkout's runtime jar with this runtime's MX_AGENT_RUNTIME_DIR (read from
     * /proc/PID/environ): what "how many daemons does this runtime have" means, whatever daemon.json says.
     */
    public List<Long> daemonProcesses() {
        String jar = runtimeJar.toString();
        String marker = "MX_AGENT_RUNTIME_DIR=" + runtimeDir;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(jar)).orElse(false))
                    .filter(p -> environ(p.pid()).contains(marker))
                    .map(ProcessHandle::pid).sorted().toList();
        }
    }

    private static List<String> environ(long pid) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            return Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | SecurityException gone) {
            return List.of();
        }
    }

    private void rememberDaemonPid() {
        daemonJsonPid().ifPresent(daemonPids::add);
    }

    private Set<Long> knownDaemonPids() {
        Set<Long> pids = new LinkedHashSet<>(daemonPids);
        daemonJsonPid().ifPresent(pids::add);
        return pids;
    }

    // ---------------------------------------------------------------- diagnostics

    /** The last {@code lines} lines of daemon.log ("" if there is none yet). */
    public String logTail(int lines) {
        if (!Files.isRegularFile(daemonLog())) {
            return "";
        }
        try {
            List<String> all = new String(Files.readAllBytes(daemonLog()), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + daemonLog() + ": " + e.getMessage() + ")";
        }
    }

    /** The recent CLI calls (command and exit) and the tail of daemon.log: what to print when a test failed. */
    public String failureReport(int logLines) {
        StringBuilder report = new StringBuilder("==== runtime '").append(name).append("' (").append(root)
                .append(") ====\n-- last CLI calls:\n");
        synchronized (history) {
            for (CliResult call : history) {
                report.append("   ").append(call.exit() == 0 ? "ok  " : "exit " + call.exit() + " ")
                        .append(call.commandLine()).append(" (").append(call.elapsed().toMillis()).append(" ms)\n");
            }
        }
        report.append("-- last ").append(logLines).append(" lines of ").append(daemonLog()).append(":\n");
        String tail = logTail(logLines);
        report.append(tail.isEmpty() ? "(no daemon.log)" : tail).append('\n');
        return report.toString();
    }

    /** Do not delete the directories on close (for a post-mortem of a failed test). */
    public void keepFiles() {
        keepFiles = true;
    }

    private void remember(CliResult result) {
        synchronized (history) {
            history.addLast(result);
            while (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
    }

    // ---------------------------------------------------------------- close

    /**
     * {@code daemon stop} (exit 3, "not running", is fine: the test may have stopped it); then any daemon of this
     * runtime still alive is killed, and that fails: a daemon that outlives {@code daemon stop} is a bug.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        List<String> problems = new ArrayList<>();
        try {
            Set<Long> pids = knownDaemonPids();
            pids.addAll(daemonProcesses());
            if (!pids.isEmpty() || Files.exists(socket())) {
                CliResult stop = cli(Map.of(), STOP_TIMEOUT, "daemon", "stop");
                if (stop.exit() != 0 && stop.exit() != 3) {
                    problems.add("daemon stop failed: " + stop);
                }
            }
            pids.addAll(daemonProcesses());
            for (long pid : pids) {
                ProcessHandle process = ProcessHandle.of(pid).orElse(null);
                if (process != null && process.isAlive() && isOurs(process)) {
                    problems.add("daemon pid " + pid + " was still alive after daemon stop; killed it");
                    kill(process);
                }
            }
        } catch (RuntimeException | AssertionError e) {
            problems.add("closing failed: " + e);
            knownDaemonPids().forEach(pid -> ProcessHandle.of(pid).filter(this::isOurs).ifPresent(this::kill));
        } finally {
            closed = true;
            OPEN.remove(this);
        }
        if (!problems.isEmpty()) {
            keepFiles = true;
            throw new AssertionFailedError("runtime '" + name + "': " + String.join("; ", problems) + "\n"
                    + failureReport(60));
        }
        if (!keepFiles) {
            deleteTree(root);
        }
    }

    private boolean isOurs(ProcessHandle process) {
        return environ(process.pid()).contains("MX_AGENT_RUNTIME_DIR=" + runtimeDir);
    }

    private void kill(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException notYet) {
            process.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temp dir is not worth failing a passed test for.
        }
    }

    @Override
    public String toString() {
        return "runtime '" + name + "' at " + root;
    }
}
