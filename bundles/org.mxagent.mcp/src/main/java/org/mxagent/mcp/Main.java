package org.mxagent.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.mxagent.ipc.wire.JsonWriter;

/**
 * {@code mx-agent mcp}: the MCP server over stdio. stdout carries protocol messages only; diagnostics go to
 * stderr. Ends when stdin closes, cancelling the calls still running.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: mx-agent mcp    (serves the Model Context Protocol on stdin/stdout; "
                    + "see docs/mcp.md)");
            return;
        }
        if (args.length > 0) {
            System.err.println("mx-agent mcp: unexpected arguments; usage: mx-agent mcp");
            System.exit(64);
        }
        PrintStream protocolOut = System.out;
        // Anything else that prints must not corrupt the protocol stream.
        System.setOut(System.err);
        Path socket = SocketDaemon.socketPath(System.getenv(), System.getProperty("user.name"));
        Writer writer = new OutputStreamWriter(protocolOut, StandardCharsets.UTF_8);
        Consumer<Map<String, Object>> out = message -> {
            String line = JsonWriter.write(message);
            synchronized (writer) {
                try {
                    writer.write(line);
                    writer.write('\n');
                    writer.flush();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot write to stdout: " + e.getMessage(), e);
                }
            }
        };
        ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "mcp-tool-call");
            thread.setDaemon(true);
            return thread;
        });
        String version = Main.class.getPackage().getImplementationVersion();
        McpServer server = new McpServer(new Tools(new SocketDaemon(socket), Path.of("").toAbsolutePath()), out,
                calls, version == null ? "dev" : version);
        System.err.println("mx-agent mcp: serving MCP on stdio; daemon socket " + socket);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                server.handleLine(line);
            }
        } finally {
            server.cancelAll();
            calls.shutdown();
        }
    }
}
