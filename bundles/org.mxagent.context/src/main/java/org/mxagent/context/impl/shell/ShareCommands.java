package org.mxagent.context.impl.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextService;
import org.mxagent.context.api.DiffFormat;
import org.mxagent.context.api.RejectedShare;
import org.mxagent.context.api.ShareEntry;
import org.mxagent.context.api.ShareListing;
import org.mxagent.context.api.ShareReceipt;
import org.mxagent.context.api.SharedDocument;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code share}. Paths are the daemon's (it runs as the same user on the same machine). */
@Component(service = ShareCommands.class, property = {"osgi.command.scope=share", "osgi.command.function=file",
    "osgi.command.function=diff", "osgi.command.function=env", "osgi.command.function=list",
    "osgi.command.function=get"})
public final class ShareCommands {
    private final ContextService context;

    @Activate
    public ShareCommands(@Reference ContextService context) {
        this.context = context;
    }

    @Descriptor("share a file (inline when small, zstd media when large)")
    public String file(
            @Descriptor("name shown to others (default: the file name)") @Parameter(names = {"-n", "--name"},
                    absentValue = "") String name,
            @Descriptor("MIME type") @Parameter(names = {"-t", "--type"}, absentValue = "application/octet-stream")
            String type,
            @Descriptor("room id or alias") String room, @Descriptor("file path") String path)
            throws ContextException, IOException {
        Path file = Path.of(path).toAbsolutePath();
        String shown = name.isEmpty() ? String.valueOf(file.getFileName()) : name;
        return receipt(context.shareFile(room, shown, type, Files.readAllBytes(file)));
    }

    @Descriptor("share `git diff [base]` of a work tree: the patch, --stat or --name-only")
    public String diff(
            @Descriptor("revision to diff against") @Parameter(names = {"-b", "--base"}, absentValue = "") String base,
            @Descriptor("patch (default), stat or name-only")
            @Parameter(names = {"-f", "--format"}, absentValue = "patch") String format,
            @Descriptor("room id or alias") String room, @Descriptor("work-tree directory") String directory)
            throws ContextException {
        DiffFormat diffFormat = DiffFormat.fromWire(format).orElseThrow(() -> new IllegalArgumentException(
                "--format must be patch, stat or name-only, got '" + format + "'"));
        return receipt(context.shareDiff(room, Path.of(directory).toAbsolutePath(), base, diffFormat));
    }

    @Descriptor("share the allowlisted environment (PATH LANG LC_* TZ TERM SHELL USER HOME ...), never secrets")
    public String env(
            @Descriptor("more variable names, comma-separated (NAME or PREFIX*)")
            @Parameter(names = {"-i", "--include"}, absentValue = "") String include,
            @Descriptor("room id or alias") String room) throws ContextException {
        List<String> names = new ArrayList<>();
        for (String name : include.split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return receipt(context.shareEnv(room, names));
    }

    @Descriptor("list the newest shares of a room, and refused ones")
    public String list(
            @Descriptor("how many") @Parameter(names = {"-n", "--limit"}, absentValue = "20") int limit,
            @Descriptor("room id or alias") String room) throws ContextException {
        ShareListing listing = context.list(room, limit);
        StringBuilder out = new StringBuilder();
        for (ShareEntry entry : listing.shares()) {
            out.append(entry.contextId()).append("  ").append(Instant.ofEpochMilli(entry.originServerTs()))
                    .append("  ").append(entry.sender()).append("  ").append(entry.name()).append("  ")
                    .append(entry.mimeType()).append("  ").append(entry.sizeBytes()).append(" B  ")
                    .append(entry.storage().wire()).append(entry.signingKeyId() == null ? "  unsigned" : "")
                    .append('\n');
        }
        for (RejectedShare rejected : listing.rejected()) {
            out.append("REFUSED ").append(rejected.contextId()).append("  ").append(rejected.sender()).append(": ")
                    .append(rejected.reason()).append('\n');
        }
        return out.length() == 0 ? "no shares in the newest " + listing.eventsScanned() + " events"
                : out.toString().stripTrailing();
    }

    @Descriptor("fetch and verify a share; prints text, or writes to --output")
    public String get(
            @Descriptor("write the document to this file") @Parameter(names = {"-o", "--output"}, absentValue = "")
            String output,
            @Descriptor("room id or alias (default: search the joined workspaces)")
            @Parameter(names = {"-r", "--room"}, absentValue = "") String room,
            @Descriptor("context id (ctx_...)") String contextId) throws ContextException, IOException {
        SharedDocument document = context.get(room, contextId);
        if (!output.isEmpty()) {
            Path file = Path.of(output).toAbsolutePath();
            Files.write(file, document.content());
            return "wrote " + document.content().length + " bytes to " + file;
        }
        byte[] content = document.content();
        String text = new String(content, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), content)) {
            throw new IllegalArgumentException(contextId + " is binary (" + document.mimeType()
                    + "); write it to a file with -o FILE");
        }
        return text;
    }

    private static String receipt(ShareReceipt receipt) {
        return "shared " + receipt.contextId() + " (" + receipt.name() + ", " + receipt.sizeBytes() + " bytes, "
                + receipt.storage().wire() + ") in " + receipt.roomId();
    }
}
