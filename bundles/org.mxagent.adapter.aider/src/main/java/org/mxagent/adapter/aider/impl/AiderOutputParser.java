package org.mxagent.adapter.aider.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mxagent.adapter.spi.ExitInfo;
import org.mxagent.adapter.spi.LineParser;
import org.mxagent.adapter.spi.OutputChannel;
import org.mxagent.adapter.spi.Progress;

/**
 * Aider's plain {@code --no-pretty} output (aider 0.86.2 has no JSON mode): a header ({@code Aider v…},
 * {@code Main model:}, {@code Git repo:}, …) ⇒ STATUS; the model's reply ⇒ MESSAGE lines, joined into the RESULT;
 * {@code Tokens: 2.4k sent, 8 received. Cost: $0.0060 message, …} ⇒ USAGE; a litellm error (Aider exits 0 after
 * it) ⇒ ERROR, with the login hint when it is about credentials.
 */
final class AiderOutputParser extends LineParser {
    static final String NO_CREDENTIALS_HINT = "Aider has no usable credentials. Put the key in an Aider config file "
            + "(`openai-api-key: …` in ~/.aider.conf.yml of the user the runtime runs as, or a file set as "
            + "'config_file' in PID org.mxagent.adapter.aider). The runtime never passes OPENAI_API_KEY or other "
            + "secrets from its environment to agents.";
    private static final List<String> HEADER = List.of("Aider v", "Main model:", "Weak model:", "Editor model:",
            "Model:", "Git repo:", "Repo-map:", "Added ", "Cur working dir", "Warning", "https://aider.chat/",
            "HTTPSConnectionPool(", "Can't initialize prompt toolkit", "Newer aider version");
    private static final Pattern TOKENS = Pattern.compile(
            "^Tokens: ([\\d.]+)(k?) sent(?:, [^,]*)*?, ([\\d.]+)(k?) received\\.(?: Cost: \\$([\\d.]+) message)?");
    private final List<String> reply = new ArrayList<>();
    private final List<String> error = new ArrayList<>();
    private boolean authFailed;

    @Override
    protected void line(OutputChannel channel, String line, Consumer<Progress> progress) {
        if (channel == OutputChannel.STDERR) {
            return; // kept in stderrTail() for the error message
        }
        if (!error.isEmpty()) {
            if (!line.isBlank()) {
                error.add(line.strip());
                authFailed |= line.contains("not able to authenticate");
            }
            return;
        }
        if (line.startsWith("litellm.") || line.contains("AuthenticationError")) {
            error.add(line.strip());
            authFailed |= line.contains("AuthenticationError");
            return;
        }
        Matcher tokens = TOKENS.matcher(line);
        if (tokens.find()) {
            progress.accept(new Progress(Progress.Kind.USAGE, line.strip(), Optional.empty(), Optional.of(
                    new Progress.Usage(count(tokens.group(1), tokens.group(2)), count(tokens.group(3),
                            tokens.group(4)), tokens.group(5) == null ? OptionalDouble.empty()
                                    : OptionalDouble.of(Double.parseDouble(tokens.group(5))))), Map.of()));
            return;
        }
        if (reply.isEmpty() && (line.isBlank() || HEADER.stream().anyMatch(line::startsWith))) {
            if (!line.isBlank()) {
                progress.accept(Progress.of(Progress.Kind.STATUS, line.strip(), Map.of("header", "true")));
            }
            return;
        }
        reply.add(line);
        progress.accept(Progress.of(Progress.Kind.MESSAGE, line));
    }

    /** Aider's rounded counts: {@code 2.4k} ⇒ 2400. */
    private static long count(String number, String kilo) {
        double value = Double.parseDouble(number);
        return Math.round(kilo.isEmpty() ? value : value * 1000);
    }

    @Override
    protected void end(ExitInfo exit, boolean terminalSeen, Consumer<Progress> progress) {
        String answer = String.join("\n", reply).strip();
        if (!error.isEmpty()) {
            progress.accept(Progress.of(Progress.Kind.ERROR, "Aider failed: " + String.join(" ", error)
                    + (authFailed ? ". " + NO_CREDENTIALS_HINT : "")));
        } else if (exit.succeeded() && !answer.isEmpty()) {
            progress.accept(Progress.of(Progress.Kind.RESULT, answer));
        } else {
            String stderr = stderrTail();
            progress.accept(Progress.of(Progress.Kind.ERROR, "Aider ended without an answer (" + exit.describe()
                    + ")" + (stderr.isEmpty() ? "" : ": " + stderr)));
        }
    }
}
