package org.mxagent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mxagent.ipc.wire.Frames;

/**
 * {@code share file | diff | env | list | get}: the daemon's {@code share.*} methods. The daemon signs, uploads,
 * downloads and verifies; {@code get} checks the SHA-256 once more on the bytes it hands out.
 */
final class ShareCommands {
    /**
     * The most {@code share file} sends: its base64 (4/3 larger) and the request must fit one 16 MiB IPC frame.
     */
    static final int MAX_FILE_BYTES = (Frames.MAX_FRAME_BYTES / 4 * 3) - 64 * 1024;

    private static final String[] NONE = {};

    static final CommandSpec FILE = new CommandSpec("share file",
            "share file --room ROOM [OPTIONS] < FILE",
            "Share a document read from standard input with a workspace (context.share).",
            """
            Options:
              --room ROOM     workspace room id or alias
              --name NAME     name shown to others (default: stdin)
              --type MIME     media type (default: text/plain for UTF-8 input, else application/octet-stream)

            Small documents travel inside the event; larger ones are zstd-compressed and uploaded to Matrix
            media. Either way size and SHA-256 of the raw bytes are published, and the event is signed with
            this runtime's key. This runtime must host an agent in the room (mx-agent agent register).
            Prints the context id (ctx_...) that others fetch with 'mx-agent share get'. At most about 12 MiB.
            """, NONE, new String[] {"--room", "--name", "--type"});

    static final CommandSpec DIFF = new CommandSpec("share diff", "share diff --room ROOM [OPTIONS]",
            "Share the git diff of a work tree (git diff [REV]) with a workspace.",
            """
            Options:
              --room ROOM       workspace room id or alias
              --base REV        compare against REV (a commit, branch, tag; default: the index)
              --path DIR        the work tree (default: the current directory)
              --format FORMAT   patch (default, text/x-diff), stat (git diff --stat) or name-only
                                (git diff --name-only); the summaries are shared as text/plain

            The daemon runs git in DIR. An empty diff is an error (nothing to share).
            """, NONE, new String[] {"--room", "--base", "--path", "--format"});

    static final CommandSpec ENV = new CommandSpec("share env", "share env --room ROOM [--include NAME]...",
            "Share a snapshot of the daemon's environment variables: allowlisted names only, secrets removed.",
            """
            Options:
              --room ROOM       workspace room id or alias
              --include NAME    repeatable: another variable, or every variable with a prefix (NAME*)

            Always included: PATH LANG LC_* TZ TERM SHELL USER HOME and the configured allowlist. Names that
            look secret (TOKEN, SECRET, PASSWORD, KEY, ...) are never shared; asking for one is an error.
            """, NONE, new String[] {"--room", "--include"});

    static final CommandSpec LIST = new CommandSpec("share list", "share list --room ROOM [--limit N]",
            "List the recent shares of a workspace, newest first, and the ones refused and why.",
            """
            Options:
              --room ROOM   workspace room id or alias
              --limit N     at most N shares (default 20)

            A share counts only if its sender is the Matrix account of an agent registered in the room and,
            when signed, its signature verifies with that agent's key; inline content is checked too.
            """, NONE, new String[] {"--room", "--limit"});

    static final CommandSpec GET = new CommandSpec("share get", "share get CONTEXT_ID [OPTIONS]",
            "Fetch a shared document, verify sender, size and SHA-256, and write it to stdout or a file.",
            """
            Options:
              --room ROOM     where to look (default: every joined workspace)
              --output FILE   write the document to FILE instead of standard output

            Exit 132 when the share was refused (a forged sender, a bad signature, a size or SHA-256
            mismatch): nothing is written then. Exit 3 when no share has that id. With --json the result is
            the share's metadata plus content_base64 (or written_to with --output).
            """, NONE, new String[] {"--room", "--output"});

    static final List<CommandSpec> SPECS = List.of(FILE, DIFF, ENV, LIST, GET);

    private ShareCommands() {}

    static int run(Invocation inv) throws CliException {
        switch (inv.line.command().name()) {
            case "file":
                return file(inv);
            case "diff":
                return diff(inv);
            case "env":
                return env(inv);
            case "list":
                return list(inv);
            case "get":
                return get(inv);
            default:
                throw new IllegalStateException("no handler for " + inv.line.command().path());
        }
    }

    static int file(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        String name = CommandArgs.optional(inv, "--name");
        String type = CommandArgs.optional(inv, "--type");
        if (type != null && type.indexOf('/') < 1) {
            throw CommandArgs.usage(inv, "--type must be a media type like text/plain, got '" + type + "'");
        }
        if (inv.terminal.isInteractive()) {
            throw CommandArgs.usage(inv, "share file reads the document from standard input: "
                    + "mx-agent share file --room ROOM < FILE");
        }
        byte[] content = readInput(inv);
        params.put("content_base64", Base64.getEncoder().encodeToString(content));
        WorkspaceCommands.putIfPresent(params, "name", name);
        WorkspaceCommands.putIfPresent(params, "mime_type", type);
        return printReceipt(inv, WorkspaceCommands.call(inv, "share.file", params));
    }

    static int diff(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        String path = CommandArgs.optional(inv, "--path");
        // The daemon does not share our working directory: always an absolute path.
        params.put("path", Path.of(path == null ? "" : path).toAbsolutePath().normalize().toString());
        WorkspaceCommands.putIfPresent(params, "base", CommandArgs.optional(inv, "--base"));
        WorkspaceCommands.putIfPresent(params, "format", CommandArgs.oneOf(inv, "--format", "patch", "stat",
                "name-only"));
        return printReceipt(inv, WorkspaceCommands.call(inv, "share.diff", params));
    }

    static int env(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        List<String> include = CommandArgs.repeated(inv, "--include");
        if (!include.isEmpty()) {
            params.put("include", include);
        }
        return printReceipt(inv, WorkspaceCommands.call(inv, "share.env", params));
    }

    static int list(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        WorkspaceCommands.putIfPresent(params, "limit", CommandArgs.integer(inv, "--limit", 1, 1000, null));
        Map<String, Object> listing = WorkspaceCommands.call(inv, "share.list", params);
        if (inv.json()) {
            inv.printJson(listing);
        } else {
            inv.out.print(renderListing(listing, System.currentTimeMillis()));
        }
        return ExitCodes.OK;
    }

    static int get(Invocation inv) throws CliException {
        String contextId = CommandArgs.operands(inv, 1, 1, "CONTEXT_ID").get(0);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("context_id", contextId);
        WorkspaceCommands.putIfPresent(params, "room", CommandArgs.optionalRoom(inv));
        String output = CommandArgs.optional(inv, "--output");
        if (output != null) {
            return getToFile(inv, params, Path.of(output).toAbsolutePath().normalize());
        }
        if (inv.json()) {
            Map<String, Object> shared = WorkspaceCommands.call(inv, "share.get", params);
            byte[] content = decodeContent(shared);
            verify(shared, digest(content), content.length);
            inv.printJson(shared);
            return ExitCodes.OK;
        }
        return getToStdout(inv, params);
    }

    /** The daemon writes the file itself, which keeps big documents out of the IPC frame; then we check it. */
    private static int getToFile(Invocation inv, Map<String, Object> params, Path file) throws CliException {
        params.put("output", file.toString());
        Map<String, Object> shared = WorkspaceCommands.call(inv, "share.get", params);
        try {
            verifyFile(shared, file);
        } catch (CliException mismatch) {
            deleteQuietly(inv, file);
            throw mismatch;
        }
        if (inv.json()) {
            inv.printJson(shared);
        } else {
            inv.out.println("wrote " + Json.number(shared, "size_bytes", -1) + " bytes to " + file + " ("
                    + describe(shared) + ")");
        }
        return ExitCodes.OK;
    }

    /**
     * Standard output: the daemon writes into a private file in the runtime directory (where its socket is, so
     * both processes see the same file), which is verified, copied out and deleted. This works for documents of
     * any size, unlike content carried in the 16 MiB reply frame.
     */
    private static int getToStdout(Invocation inv, Map<String, Object> params) throws CliException {
        Path file;
        try {
            file = Files.createTempFile(inv.socket().getParent(), "share-get-", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot create a temporary file in "
                    + inv.socket().getParent() + ": " + e.getMessage(), e);
        }
        try {
            params.put("output", file.toString());
            Map<String, Object> shared = WorkspaceCommands.call(inv, "share.get", params);
            verifyFile(shared, file);
            Files.copy(file, inv.out);
            inv.out.flush();
            if (inv.out.checkError()) {
                throw new CliException(ExitCodes.FAILURE, "cannot write the document to standard output");
            }
            inv.verbose.log(1, "share " + Json.string(shared, "context_id") + ": " + describe(shared));
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(inv, file);
        }
    }

    private static int printReceipt(Invocation inv, Map<String, Object> receipt) {
        if (inv.json()) {
            inv.printJson(receipt);
            return ExitCodes.OK;
        }
        StringBuilder text = new StringBuilder("shared ").append(Json.string(receipt, "context_id")).append(" in ")
                .append(Json.string(receipt, "room_id")).append('\n');
        WorkspaceCommands.field(text, "name", Json.string(receipt, "name"));
        WorkspaceCommands.field(text, "type", Json.string(receipt, "mime_type"));
        WorkspaceCommands.field(text, "size", Json.number(receipt, "size_bytes", 0) + " bytes");
        String mxc = Json.string(receipt, "mxc_uri");
        WorkspaceCommands.field(text, "storage", Json.string(receipt, "storage") + (mxc == null ? "" : " " + mxc));
        WorkspaceCommands.field(text, "sha256", Json.string(receipt, "sha256"));
        WorkspaceCommands.field(text, "signed with", Json.string(receipt, "signing_key_id"));
        inv.out.print(text);
        return ExitCodes.OK;
    }

    /** The human form of a {@code share.list} result: a table of shares, then the refused ones. */
    static String renderListing(Map<String, Object> listing, long nowMillis) {
        StringBuilder text = new StringBuilder();
        TextTable table = new TextTable("CONTEXT", "NAME", "TYPE", "SIZE", "STORAGE", "FROM", "SHARED");
        for (Object item : WorkspaceCommands.list(listing, "shares")) {
            Map<String, Object> share = Json.object(item);
            table.row(Json.string(share, "context_id"), Json.string(share, "name"), Json.string(share, "mime_type"),
                    size(Json.number(share, "size_bytes", 0)), Json.string(share, "storage"),
                    Json.string(share, "sender"), Ages.agoOrNever(share.get("origin_server_ts"), nowMillis));
        }
        text.append(table.isEmpty() ? "no shares in the last " + Json.number(listing, "events_scanned", 0)
                + " events of " + Json.string(listing, "room_id") + "\n" : table.render());
        List<Object> rejected = WorkspaceCommands.list(listing, "rejected");
        if (!rejected.isEmpty()) {
            text.append("\nrefused (").append(rejected.size()).append("):\n");
            for (Object item : rejected) {
                Map<String, Object> refused = Json.object(item);
                text.append("  ").append(TextTable.oneLine(orDash(Json.string(refused, "context_id"))))
                        .append(" from ").append(orDash(Json.string(refused, "sender"))).append(" (event ")
                        .append(orDash(Json.string(refused, "event_id"))).append("): ")
                        .append(TextTable.oneLine(orDash(Json.string(refused, "reason")))).append('\n');
            }
        }
        return text.toString();
    }

    /** "532 B", "14.2 KiB", "3.0 MiB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes / 1024.0;
        String[] units = {"KiB", "MiB", "GiB"};
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /**
     * Checks the bytes against the share's published {@code size_bytes} and {@code sha256} (unpadded or padded
     * base64, or hex, as the daemon accepts them); a mismatch is an integrity failure (exit 132).
     */
    static void verify(Map<String, Object> shared, byte[] actualDigest, long actualSize) throws CliException {
        String id = Json.string(shared, "context_id");
        long size = Json.number(shared, "size_bytes", -1);
        if (size != actualSize) {
            throw new CliException(ExitCodes.INTEGRITY, "share " + id + ": received " + actualSize
                    + " bytes, the share says " + size);
        }
        String published = Json.string(shared, "sha256");
        byte[] expected = published == null ? null : digestBytes(published);
        if (expected == null || !MessageDigest.isEqual(expected, actualDigest)) {
            throw new CliException(ExitCodes.INTEGRITY, "share " + id + ": sha256 mismatch: the content hashes to "
                    + Base64.getEncoder().withoutPadding().encodeToString(actualDigest) + ", the share says "
                    + published);
        }
    }

    /** A published digest as bytes: 64 hex digits, else base64 (padding optional); null if neither. */
    static byte[] digestBytes(String spelled) {
        if (spelled.length() == 64 && spelled.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return HexFormat.of().parseHex(spelled);
        }
        try {
            byte[] digest = Base64.getDecoder().decode(spelled);
            return digest.length == 32 ? digest : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static void verifyFile(Map<String, Object> shared, Path file) throws CliException {
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                size += read;
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot read " + file + " back: " + e.getMessage(), e);
        }
        verify(shared, sha.digest(), size);
    }

    private static byte[] decodeContent(Map<String, Object> shared) throws CliException {
        String base64 = Json.string(shared, "content_base64");
        if (base64 == null) {
            throw new CliException(ExitCodes.FAILURE, "the daemon's share.get reply has no content_base64");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.FAILURE, "the daemon's share.get reply has malformed content_base64", e);
        }
    }

    private static byte[] readInput(Invocation inv) throws CliException {
        byte[] content;
        try {
            content = inv.in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot read standard input: " + e.getMessage(), e);
        }
        if (content.length > MAX_FILE_BYTES) {
            throw CommandArgs.usage(inv, "standard input is larger than " + size(MAX_FILE_BYTES)
                    + ", the most one request to the daemon carries");
        }
        if (content.length == 0) {
            throw CommandArgs.usage(inv, "standard input is empty: nothing to share");
        }
        return content;
    }

    private static String describe(Map<String, Object> shared) {
        return Json.string(shared, "context_id") + " \"" + TextTable.oneLine(orDash(Json.string(shared, "name")))
                + "\", " + Json.string(shared, "mime_type") + ", shared by " + Json.string(shared, "sender")
                + ", sha256 verified";
    }

    private static byte[] digest(byte[] content) {
        return sha256().digest(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    private static void deleteQuietly(Invocation inv, Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            inv.err.println("mx-agent: warning: cannot delete " + file + ": " + e.getMessage());
        }
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
