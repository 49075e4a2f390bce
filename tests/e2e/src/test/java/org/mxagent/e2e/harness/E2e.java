package org.mxagent.e2e.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The end-to-end fixtures of one test, as a JUnit extension registered per test instance:
 *
 * <pre>
 * &#64;RegisterExtension
 * final E2e e2e = new E2e();
 *
 * &#64;Test
 * void something() {
 *     MatrixUser alice = e2e.user("alice");
 *     AgentRuntime runtime = e2e.loggedIn("alice", alice);
 *     runtime.shell("mx:sync").assertSuccess();
 * }
 * </pre>
 *
 * If the test fails, every runtime's recent CLI calls and daemon.log tail are printed and its directories are
 * kept; after each test every runtime is closed ({@code daemon stop}, kill if needed), and a runtime whose daemon
 * would not stop fails the test.
 */
public final class E2e implements AfterTestExecutionCallback, AfterEachCallback {
    private static final int LOG_LINES = 80;

    private final List<AgentRuntime> runtimes = new CopyOnWriteArrayList<>();
    private final Supplier<Homeserver> homeservers;
    private volatile Homeserver homeserver;

    /** Fixtures on the shared dev homeserver (from the environment). */
    public E2e() {
        this(Homeserver::fromEnvironment);
    }

    /** Fixtures on another homeserver, e.g. a test's {@link PrivateHomeserver}; asked for on first use. */
    public E2e(Supplier<Homeserver> homeservers) {
        this.homeservers = homeservers;
    }

    /** The homeserver of this test (the dev one fails the test if its environment variables are not set). */
    public Homeserver homeserver() {
        Homeserver current = homeserver;
        if (current == null) {
            current = homeservers.get();
            homeserver = current;
        }
        return current;
    }

    /** A freshly registered user {@code <prefix>-<unique>}. */
    public MatrixUser user(String prefix) {
        return homeserver().register(prefix);
    }

    /** A runtime with fresh directories, not started; closed after the test. */
    public AgentRuntime runtime(String name) {
        AgentRuntime runtime = AgentRuntime.create(name);
        runtimes.add(runtime);
        return runtime;
    }

    /** A runtime whose daemon has been started. */
    public AgentRuntime started(String name) {
        AgentRuntime runtime = runtime(name);
        runtime.start();
        return runtime;
    }

    /** Several runtimes, their daemons started concurrently (in the order of {@code names}). */
    public List<AgentRuntime> started(String... names) {
        List<AgentRuntime> created = Arrays.stream(names).map(this::runtime).toList();
        Throwable failure = inParallel(created, AgentRuntime::start);
        rethrow(failure);
        return created;
    }

    /** A started runtime logged in as {@code user}. */
    public AgentRuntime loggedIn(String name, MatrixUser user) {
        AgentRuntime runtime = started(name);
        runtime.login(user);
        return runtime;
    }

    public List<AgentRuntime> runtimes() {
        return List.copyOf(runtimes);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        for (AgentRuntime runtime : runtimes) {
            runtime.keepFiles();
            System.err.println("\n" + context.getDisplayName() + " failed; " + runtime.failureReport(LOG_LINES)
                    + "(directories kept: " + runtime.root() + ")");
        }
    }

    /** Closes every runtime (concurrently: {@code daemon stop} waits for the process to exit). */
    @Override
    public void afterEach(ExtensionContext context) {
        List<AgentRuntime> toClose = new ArrayList<>(runtimes);
        runtimes.clear();
        rethrow(inParallel(toClose, AgentRuntime::close));
    }

    /** Runs {@code action} on every runtime, each in its own thread; returns the first failure, others suppressed. */
    static Throwable inParallel(List<AgentRuntime> targets, Consumer<AgentRuntime> action) {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (AgentRuntime target : targets) {
            Thread thread = new Thread(() -> {
                try {
                    action.accept(target);
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                }
            }, "e2e " + target.name());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(e);
                break;
            }
        }
        if (failures.isEmpty()) {
            return null;
        }
        Throwable first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        return first;
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
