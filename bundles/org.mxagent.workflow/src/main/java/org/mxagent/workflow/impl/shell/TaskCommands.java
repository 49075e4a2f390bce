package org.mxagent.workflow.impl.shell;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.workflow.api.GraphFormat;
import org.mxagent.workflow.api.TaskChange;
import org.mxagent.workflow.api.TaskDraft;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.TaskService;
import org.mxagent.workflow.api.WorkflowException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo scope {@code task}: create, update, list, graph, cancel. */
@Component(service = TaskCommands.class, property = {"osgi.command.scope=task", "osgi.command.function=create",
    "osgi.command.function=edit", "osgi.command.function=list", "osgi.command.function=graph",
    "osgi.command.function=cancel"})
public final class TaskCommands {
    private final TaskService tasks;

    @Activate
    public TaskCommands(@Reference TaskService tasks) {
        this.tasks = tasks;
    }

    @Descriptor("create a task; --exec 'cmd args' with --cwd makes it runnable by --assign")
    public String create(
            @Descriptor("room id or alias") @Parameter(names = "--room", absentValue = "") String room,
            @Descriptor("comma-separated task ids it waits for") @Parameter(names = "--depends-on", absentValue = "")
            String dependsOn,
            @Descriptor("agent id to run it") @Parameter(names = "--assign", absentValue = "") String assign,
            @Descriptor("command, split at spaces") @Parameter(names = "--exec", absentValue = "") String exec,
            @Descriptor("working directory of --exec") @Parameter(names = "--cwd", absentValue = "") String cwd,
            @Descriptor("description") @Parameter(names = "--description", absentValue = "") String description,
            @Descriptor("title") String title) throws WorkflowException {
        Optional<ObjectNode> action = Optional.empty();
        if (!exec.isBlank()) {
            ObjectNode node = ProtocolJson.newObject();
            node.put("type", "exec");
            Arrays.stream(exec.trim().split("\\s+")).forEach(node.putArray("command")::add);
            node.put("cwd", cwd.isBlank() ? null : cwd);
            node.putObject("env");
            node.putNull("timeout_ms");
            node.put("stream", false);
            action = Optional.of(node);
        }
        TaskRecord record = tasks.create(new TaskDraft(room, title, description.isBlank() ? null : description,
                split(dependsOn), List.of(), assign, "", action));
        return "created " + record.task().taskId() + " (" + record.task().state() + ") event " + record.eventId();
    }

    @Descriptor("change a task's state, assignee or title")
    public String edit(
            @Parameter(names = "--room", absentValue = "") String room,
            @Descriptor("new state") @Parameter(names = "--state", absentValue = "") String state,
            @Descriptor("new assignee") @Parameter(names = "--assign", absentValue = "") String assign,
            @Descriptor("task id") String taskId) throws WorkflowException {
        TaskRecord record = tasks.update(room, taskId, new TaskChange(present(state), present(assign),
                Optional.empty(), Optional.empty()));
        return taskId + " -> " + record.task().state() + " (rev " + record.task().stateRev() + ")";
    }

    @Descriptor("list the tasks of a room")
    public String list(@Descriptor("room id or alias") String room) throws WorkflowException {
        return tasks.list(room).stream().map(r -> r.task().taskId() + "  " + r.task().state() + "  "
                + r.task().title()).collect(Collectors.joining("\n"));
    }

    @Descriptor("the task DAG as text, dot or svg")
    public String graph(@Parameter(names = "--format", absentValue = "text") String format,
            @Descriptor("room id or alias") String room) throws WorkflowException {
        return tasks.graph(room, GraphFormat.parse(format));
    }

    @Descriptor("cancel a task and its running invocation")
    public String cancel(@Parameter(names = "--room", absentValue = "") String room,
            @Descriptor("task id") String taskId) throws WorkflowException {
        return taskId + " -> " + tasks.cancel(room, taskId).task().state();
    }

    private static List<String> split(String list) {
        return list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::trim).toList();
    }

    private static Optional<String> present(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
