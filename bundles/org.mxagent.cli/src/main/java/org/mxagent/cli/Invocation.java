package org.mxagent.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.mxagent.ipc.wire.JsonWriter;

/** Everything one command run needs: its parsed line, the process's streams and environment. */
final class Invocation {
    final CommandLine line;
    final PrintStream out;
    final PrintStream err;
    final InputStream in;
    final Map<String, String> env;
    final Terminal terminal;
    final Verbose verbose;
    /** The runtime's executable jar, from the system property {@code mxagent.runtime.jar}; may be null. */
    final String runtimeJar;
    final String userName;

    Invocation(CommandLine line, PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
            Terminal terminal, String runtimeJar, String userName) {
        this.line = line;
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.terminal = terminal;
        this.verbose = new Verbose(line.verbosity(), err);
        this.runtimeJar = runtimeJar;
        this.userName = userName;
    }

    boolean json() {
        return line.json();
    }

    /** {@code --socket}, else the socket in the runtime directory. */
    Path socket() {
        return line.socket() != null ? Path.of(line.socket()).toAbsolutePath().normalize()
                : RuntimePaths.socket(env, userName);
    }

    IpcClient connect() throws CliException {
        return IpcClient.connect(socket(), verbose);
    }

    void printJson(Object value) {
        out.println(JsonWriter.write(value));
    }

    /** Prints {@code text} on {@code stream}, ending with a newline unless it is empty. */
    static void printBlock(PrintStream stream, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        stream.print(text);
        if (!text.endsWith("\n")) {
            stream.println();
        }
        stream.flush();
    }
}
