package org.mxagent.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The {@code mx-agent} command: a thin, fast-starting client of the mx-agent daemon. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // UTF-8 whatever the locale says: Gogo output and Matrix ids are Unicode.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 8192),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Cli cli = new Cli(out, err, System.in, System.getenv(), new SystemTerminal(),
                System.getProperty("mxagent.runtime.jar"), System.getProperty("user.name"));
        int status = cli.run(args);
        out.flush();
        System.exit(status);
    }
}
