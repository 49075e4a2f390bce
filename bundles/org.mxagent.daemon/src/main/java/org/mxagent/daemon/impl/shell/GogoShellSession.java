package org.mxagent.daemon.impl.shell;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.mxagent.daemon.api.IpcException;

/** One Gogo session; its calls run one at a time, as a console would run them. */
final class GogoShellSession implements ShellSession {
    private final CommandSession session;
    private final CapturedOutput out;
    private final CapturedOutput err;

    private GogoShellSession(CommandSession session, CapturedOutput out, CapturedOutput err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    static GogoShellSession open(CommandProcessor processor) {
        CapturedOutput out = new CapturedOutput();
        CapturedOutput err = new CapturedOutput();
        // No keyboard: a command that reads input sees end of file instead of blocking the call.
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, err);
        return new GogoShellSession(session, out, err);
    }

    /** What the command printed, then its value formatted as the Gogo console shows it. */
    @Override
    public synchronized ShellResult execute(String command) throws IpcException {
        Object value;
        try {
            value = session.execute(command);
        } catch (Exception e) {
            session.getConsole().flush();
            throw IpcException.failed(messageChain(e),
                    Map.of("output", TextNode.valueOf(out.take()), "error", TextNode.valueOf(err.take())));
        }
        if (value != null) {
            session.getConsole().println(session.format(value, Converter.INSPECT));
        }
        session.getConsole().flush();
        return new ShellResult(out.take(), err.take());
    }

    @Override
    public void close() {
        session.close();
    }

    /** "outer message: cause message: ...", each distinct message once; never a stack trace. */
    static String messageChain(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && messages.size() < 8; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                message = t.getClass().getSimpleName();
            }
            if (messages.stream().noneMatch(message::contains)) {
                messages.add(message);
            }
        }
        return String.join(": ", messages);
    }
}
