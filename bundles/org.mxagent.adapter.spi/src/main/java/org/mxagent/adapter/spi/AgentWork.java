package org.mxagent.adapter.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece of work for an agent.
 *
 * @param id           an identifier unique among running work ({@code inv_…}/task id); the run's invocation id
 * @param prompt       what the agent is asked to do
 * @param cwd          absolute working directory the agent works in
 * @param allowedTools tools the agent may use without asking (adapter-specific names, e.g. {@code Bash(git:*)});
 *                     empty: the adapter's configured default
 * @param model        model override; empty: the adapter's configured model
 * @param options      further adapter-specific options (documented by each adapter); unknown keys are ignored
 */
public record AgentWork(String id, String prompt, Path cwd, List<String> allowedTools, Optional<String> model,
        Map<String, String> options) {
    public AgentWork {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(cwd, "cwd");
        if (!cwd.isAbsolute()) {
            throw new IllegalArgumentException("cwd must be absolute: " + cwd);
        }
        allowedTools = List.copyOf(allowedTools);
        Objects.requireNonNull(model, "model");
        options = Map.copyOf(options);
    }

    /** Work with only a prompt and a directory. */
    public static AgentWork of(String id, String prompt, Path cwd) {
        return new AgentWork(id, prompt, cwd, List.of(), Optional.empty(), Map.of());
    }
}
