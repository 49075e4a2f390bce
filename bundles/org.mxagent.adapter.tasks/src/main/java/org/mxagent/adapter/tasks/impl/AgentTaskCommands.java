package org.mxagent.adapter.tasks.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.TaskAction;
import org.mxagent.workflow.api.TaskDraft;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.TaskService;
import org.mxagent.workflow.api.WorkflowException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo {@code adapter:task}: creates a task whose action is {@code {"type":"agent",…}}. */
@Component(service = AgentTaskCommands.class, property = {"osgi.command.scope=adapter",
    "osgi.command.function=task"})
public final class AgentTaskCommands {
    private final TaskService tasks;

    @Activate
    public AgentTaskCommands(@Reference TaskService tasks) {
        this.tasks = tasks;
    }

    @Descriptor("create a task that the assigned agent runs with one of its adapters: "
            + "adapter:task --room R --assign AGT --cwd /dir [--depends-on a,b] [--model M] [--title T] ADAPTER PROMPT")
    public String task(
            @Descriptor("room id or alias") @Parameter(names = "--room", absentValue = "") String room,
            @Descriptor("agent id that runs it (the authorization is addressed to it)")
            @Parameter(names = "--assign", absentValue = "") String assign,
            @Descriptor("absolute working directory on the assignee's machine")
            @Parameter(names = "--cwd", absentValue = "") String cwd,
            @Descriptor("comma-separated task ids it waits for") @Parameter(names = "--depends-on", absentValue = "")
            String dependsOn,
            @Descriptor("model override") @Parameter(names = "--model", absentValue = "") String model,
            @Descriptor("allowed tools, comma-separated") @Parameter(names = "--allowed-tools", absentValue = "")
            String allowedTools,
            @Descriptor("time limit in ms") @Parameter(names = "--timeout-ms", absentValue = "0") long timeoutMs,
            @Descriptor("title (default: the adapter and the prompt's start)")
            @Parameter(names = "--title", absentValue = "") String title,
            @Descriptor("adapter name, e.g. claude, shell") String adapter,
            @Descriptor("what the agent is asked to do") String prompt) throws WorkflowException {
        if (cwd.isBlank()) {
            throw new IllegalArgumentException("--cwd is required: the agent's working directory on the assignee");
        }
        ObjectNode action = ProtocolJson.newObject();
        action.put("type", TaskAction.AGENT);
        action.put("adapter", adapter);
        action.put("prompt", prompt);
        action.put("cwd", cwd);
        action.put("model", model.isBlank() ? null : model);
        split(allowedTools).forEach(action.putArray("allowed_tools")::add);
        if (timeoutMs > 0) {
            action.put("timeout_ms", timeoutMs);
        } else {
            action.putNull("timeout_ms");
        }
        String name = title.isBlank() ? adapter + ": " + AgentTaskDispatcher.abbreviate(prompt, 60) : title;
        TaskRecord record = tasks.create(new TaskDraft(room, name, null, split(dependsOn), List.of(), assign, "",
                Optional.of(action)));
        return "created " + record.task().taskId() + " (" + record.task().state() + ") event " + record.eventId();
    }

    private static List<String> split(String list) {
        return list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::trim).toList();
    }
}
