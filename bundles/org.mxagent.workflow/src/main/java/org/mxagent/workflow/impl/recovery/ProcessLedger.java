package org.mxagent.workflow.impl.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The task processes this runtime started, one small file per invocation in {@code <data dir>/workflow/processes}
 * ({@code {invocation_id, task_id, room_id, pid, pgid, start_ticks, boot_id}}), written when the process starts and
 * removed once the task's result is written. After a crash these files are how the restarted runtime knows that
 * a still-living process is provably its own orphan.
 */
@Component(service = ProcessLedger.class)
public final class ProcessLedger {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A recorded process. */
    public record Entry(String invocationId, String taskId, String roomId, ProcessIdentity process) {}

    private final Path dir;
    private final Logger log;

    @Activate
    public ProcessLedger(@Reference RuntimeDirectories directories,
            @Reference(service = LoggerFactory.class) Logger log) {
        this(directories.dataDir().resolve("workflow").resolve("processes"), log);
    }

    ProcessLedger(Path dir, Logger log) {
        this.dir = dir;
        this.log = log;
    }

    /** Records a started process; without /proc (or if it already ended) there is nothing provable to record. */
    public void started(String invocationId, String taskId, String roomId, long pid) {
        Optional<ProcessIdentity> identity = ProcessIdentity.of(pid);
        if (identity.isEmpty()) {
            log.info("process {} of {} has no provable identity (ended already, or no /proc); not recorded", pid,
                    invocationId);
            return;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("invocation_id", invocationId);
        node.put("task_id", taskId);
        node.put("room_id", roomId);
        node.put("pid", pid);
        node.put("pgid", identity.get().processGroup());
        node.put("start_ticks", identity.get().startTicks());
        node.put("boot_id", identity.get().bootId());
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".process", ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(node));
            try {
                Files.move(temp, file(invocationId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(invocationId), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The task runs on; only orphan reaping after a crash is lost for it.
            log.error("cannot record process {} of {} in {}: after a crash it would not be reaped", pid,
                    invocationId, dir, e);
        }
    }

    public Optional<Entry> find(String invocationId) {
        Path file = file(invocationId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return Optional.of(new Entry(node.path("invocation_id").asText(), node.path("task_id").asText(),
                    node.path("room_id").asText(), new ProcessIdentity(node.path("pid").asLong(),
                            node.path("pgid").asLong(), node.path("start_ticks").asLong(),
                            node.path("boot_id").asText())));
        } catch (IOException e) {
            log.error("unreadable process record {}: its process is not treated as ours", file, e);
            return Optional.empty();
        }
    }

    public void forget(String invocationId) {
        try {
            Files.deleteIfExists(file(invocationId));
        } catch (IOException e) {
            log.error("cannot remove the process record of {}", invocationId, e);
        }
    }

    private Path file(String invocationId) {
        if (!SAFE_ID.matcher(invocationId).matches()) {
            throw new IllegalArgumentException("not an invocation id: " + invocationId);
        }
        return dir.resolve(invocationId + ".json");
    }
}
