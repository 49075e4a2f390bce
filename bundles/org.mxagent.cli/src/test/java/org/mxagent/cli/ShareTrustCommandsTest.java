package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.ipc.wire.JsonException;
import org.mxagent.ipc.wire.JsonReader;

/** {@code share *} and {@code trust *} against a scripted daemon. */
class ShareTrustCommandsTest {
    static final String ROOM = "!ws1:localhost";
    static final String CTX = "ctx_01HZY3M6W8K9Q2R4T5V7X9Z1AB";
    static final String AGENT = "agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB";
    static final String KEY = "mxagent-ed25519:" + "A".repeat(42) + "0";
    static final long NOW = 1_750_000_000_000L;

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = new CliRunner(dir);
    }

    @AfterEach
    void close() throws IOException {
        cli.close();
    }

    static String sha256(byte[] content) {
        try {
            return Base64.getEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> entry(byte[] content, String sha256) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("context_id", CTX);
        entry.put("room_id", ROOM);
        entry.put("event_id", "$ev1");
        entry.put("sender", "@alice:localhost");
        entry.put("origin_server_ts", NOW - 30_000);
        entry.put("name", "notes.txt");
        entry.put("mime_type", "text/plain");
        entry.put("size_bytes", (long) content.length);
        entry.put("sha256", sha256);
        entry.put("storage", "inline");
        entry.put("mxc_uri", null);
        entry.put("signing_key_id", KEY);
        entry.put("agent_ids", List.of(AGENT));
        return entry;
    }

    /** A share.get handler that behaves like the daemon: writes to output, else returns content_base64. */
    static FakeDaemon.Handler serving(byte[] content, String sha256) {
        return (params, call) -> {
            Map<String, Object> result = entry(content, sha256);
            result.put("document_mime_type", "text/plain");
            Object output = params.get("output");
            if (output == null) {
                result.put("content_base64", Base64.getEncoder().encodeToString(content));
                return result;
            }
            try {
                Files.write(Path.of((String) output), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            result.put("written_to", output);
            return result;
        };
    }

    private long leftoverTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("share-get-")).count();
        }
    }

    // ------------------------------------------------------------------ share

    @Test
    void fileSendsStdinAsBase64() throws IOException {
        byte[] content = {0, 1, 2, (byte) 0xff, 'x'};
        cli.daemon().on("share.file", (params, call) -> Map.of("context_id", CTX, "room_id", ROOM, "event_id", "$e",
                "name", params.get("name"), "mime_type", params.get("mime_type"), "size_bytes", 5, "sha256",
                sha256(content), "storage", "media", "mxc_uri", "mxc://localhost/abc", "signing_key_id", KEY));
        assertEquals(0, cli.runWithInput(content, "share", "file", "--room", ROOM, "--name", "blob.bin", "--type",
                "application/octet-stream"));
        assertEquals(Map.of("room", ROOM, "content_base64", Base64.getEncoder().encodeToString(content), "name",
                "blob.bin", "mime_type", "application/octet-stream"), cli.onlyParams());
        assertEquals("shared " + CTX + " in " + ROOM + "\n"
                + "name          blob.bin\n"
                + "type          application/octet-stream\n"
                + "size          5 bytes\n"
                + "storage       media mxc://localhost/abc\n"
                + "sha256        " + sha256(content) + "\n"
                + "signed with   " + KEY + "\n", cli.stdout);
    }

    @Test
    void fileRefusesEmptyInputATerminalAndABadType() throws IOException {
        cli.daemon();
        assertEquals(64, cli.run("share", "file", "--room", ROOM));
        assertTrue(cli.stderr.startsWith("mx-agent: standard input is empty: nothing to share"), cli.stderr);
        assertEquals(64, cli.runWithInput("x".getBytes(StandardCharsets.UTF_8), "share", "file", "--room", ROOM,
                "--type", "text"));
        assertTrue(cli.stderr.contains("--type must be a media type"), cli.stderr);
        cli.terminal.interactive = true;
        assertEquals(64, cli.run("share", "file", "--room", ROOM));
        assertTrue(cli.stderr.contains("reads the document from standard input"), cli.stderr);
        assertEquals(64, cli.runWithInput("x".getBytes(StandardCharsets.UTF_8), "share", "file"));
        assertTrue(cli.nothingSent());
    }

    @Test
    void diffSendsAnAbsolutePathAndTheBase() throws IOException {
        cli.daemon().on("share.diff", (params, call) -> Map.of("context_id", CTX, "room_id", ROOM));
        assertEquals(0, cli.run("share", "diff", "--room", ROOM, "--base", "HEAD~1", "--path", "sub/../repo"));
        assertEquals(Map.of("room", ROOM, "path", Path.of("repo").toAbsolutePath().toString(), "base", "HEAD~1"),
                cli.onlyParams());
        assertEquals(0, cli.run("share", "diff", "--room", ROOM));
        assertEquals(Path.of("").toAbsolutePath().toString(), cli.params().get(1).get("path"), "default: the cwd");
    }

    @Test
    void diffFormatIsPassedOnAndCheckedFirst() throws IOException {
        cli.daemon().on("share.diff", (params, call) -> Map.of("context_id", CTX, "room_id", ROOM));
        assertEquals(0, cli.run("share", "diff", "--room", ROOM, "--format", "name-only"));
        assertEquals("name-only", cli.onlyParams().get("format"));
        assertEquals(0, cli.run("share", "diff", "--room", ROOM, "--format", "stat"));
        assertEquals("stat", cli.params().get(1).get("format"));
        assertEquals(64, cli.run("share", "diff", "--room", ROOM, "--format", "numstat"));
        assertTrue(cli.stderr.contains("--format must be patch or stat or name-only, got 'numstat'"), cli.stderr);
        assertEquals(2, cli.params().size(), "nothing sent for a bad format");
    }

    @Test
    void envSendsIncludes() throws IOException, JsonException {
        cli.daemon().on("share.env", (params, call) -> Map.of("context_id", CTX, "room_id", ROOM));
        assertEquals(0, cli.run("share", "env", "--room", ROOM, "--include", "CI", "--include", "RUST_*", "--json"));
        assertEquals(Map.of("room", ROOM, "include", List.of("CI", "RUST_*")), cli.onlyParams());
        assertEquals(Map.of("context_id", CTX, "room_id", ROOM), JsonReader.parse(cli.stdout));
        assertEquals(1, cli.stdout.lines().count(), "one JSON value on one line");
    }

    @Test
    void listShowsSharesAndRefusals() throws IOException {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("room_id", ROOM);
        listing.put("events_scanned", 42);
        listing.put("shares", List.of(entry(content, sha256(content))));
        listing.put("rejected", List.of(Map.of("context_id", "ctx_FORGED", "event_id", "$bad", "sender",
                "@mallory:localhost", "reason", "shared by @mallory:localhost, which is not the Matrix account of any "
                        + "agent registered in " + ROOM)));
        cli.daemon().on("share.list", (params, call) -> listing);
        assertEquals(0, cli.run("share", "list", "--room", ROOM, "--limit", "5"));
        assertEquals(Map.of("room", ROOM, "limit", 5L), cli.onlyParams());
        assertEquals("""
                CONTEXT                         NAME       TYPE        SIZE  STORAGE  FROM              SHARED
                ctx_01HZY3M6W8K9Q2R4T5V7X9Z1AB  notes.txt  text/plain  5 B   inline   @alice:localhost  30 s ago

                refused (1):
                  ctx_FORGED from @mallory:localhost (event $bad): shared by @mallory:localhost, which is not the \
                Matrix account of any agent registered in !ws1:localhost
                """, ShareCommands.renderListing(listing, NOW));
        assertEquals(64, cli.run("share", "list", "--room", ROOM, "--limit", "0"));
    }

    @Test
    void getWritesTheVerifiedBytesToStdoutAndLeavesNoTemporaryFile() throws IOException {
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        cli.daemon().on("share.get", serving(content, sha256(content)));
        assertEquals(0, cli.run("share", "get", CTX, "--room", ROOM));
        assertArrayEquals(content, cli.stdoutBytes);
        assertEquals("", cli.stderr);
        Map<String, Object> params = cli.onlyParams();
        assertEquals(CTX, params.get("context_id"));
        assertEquals(ROOM, params.get("room"));
        assertTrue(((String) params.get("output")).startsWith(dir.resolve("share-get-").toString()), params::toString);
        assertEquals(0, leftoverTempFiles());
    }

    @Test
    void getToAFileReportsWhatItWrote() throws IOException {
        byte[] content = "hello\n".getBytes(StandardCharsets.UTF_8);
        cli.daemon().on("share.get", serving(content, sha256(content)));
        Path output = dir.resolve("out.txt");
        assertEquals(0, cli.run("share", "get", CTX, "--output", output.toString()));
        assertArrayEquals(content, Files.readAllBytes(output));
        assertEquals("wrote 6 bytes to " + output + " (" + CTX + " \"notes.txt\", text/plain, shared by "
                + "@alice:localhost, sha256 verified)\n", cli.stdout);
        assertEquals(Map.of("context_id", CTX, "output", output.toString()), cli.onlyParams());
    }

    @Test
    void getWithJsonCarriesTheContent() throws IOException, JsonException {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        cli.daemon().on("share.get", serving(content, sha256(content)));
        assertEquals(0, cli.run("--json", "share", "get", CTX));
        Map<String, Object> result = Json.object(JsonReader.parse(cli.stdout));
        assertEquals(Base64.getEncoder().encodeToString(content), result.get("content_base64"));
        assertFalse(cli.onlyParams().containsKey("output"), "the content travels in the reply");
    }

    @Test
    void aHashMismatchIsExit132AndNothingIsPrinted() throws IOException {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        String wrong = sha256("other".getBytes(StandardCharsets.UTF_8));
        cli.daemon().on("share.get", serving(content, wrong));
        assertEquals(132, cli.run("share", "get", CTX));
        assertEquals(0, cli.stdoutBytes.length);
        assertTrue(cli.stderr.startsWith("mx-agent: share " + CTX + ": sha256 mismatch"), cli.stderr);
        assertEquals(0, leftoverTempFiles());

        Path output = dir.resolve("out.txt");
        assertEquals(132, cli.run("share", "get", CTX, "--output", output.toString()));
        assertFalse(Files.exists(output), "a document that failed verification is not left behind");
        assertEquals(132, cli.run("--json", "share", "get", CTX));
    }

    @Test
    void aRefusedShareKeepsTheDaemonsExitCodeAndReason() throws IOException, JsonException {
        String reason = "share " + CTX + " was refused: shared by @mallory:localhost, which is not the Matrix account "
                + "of any agent registered in " + ROOM + " (event $bad)";
        cli.daemon().on("share.get", (params, call) -> {
            throw new FakeDaemon.Failure(-32000, reason, 132, Map.of());
        });
        assertEquals(132, cli.run("share", "get", CTX, "--room", ROOM));
        assertEquals("mx-agent: " + reason + "\n", cli.stderr);
        assertEquals(0, cli.stdoutBytes.length);
        assertEquals(0, leftoverTempFiles());
        assertEquals(132, cli.run("--json", "share", "get", CTX));
        Map<String, Object> error = Json.object(Json.object(JsonReader.parse(cli.stdout)), "error");
        assertEquals(132L, error.get("exit"));
        assertEquals(reason, error.get("message"));
    }

    @Test
    void anUnknownShareIsExit3() throws IOException {
        cli.daemon().on("share.get", (params, call) -> {
            throw new FakeDaemon.Failure(-32001, "no share " + params.get("context_id"), 3, Map.of());
        });
        assertEquals(3, cli.run("share", "get", CTX));
        assertEquals(64, cli.run("share", "get"));
        assertEquals(64, cli.run("share", "get", CTX, "--room", "lobby"));
    }

    // ------------------------------------------------------------------ trust

    @Test
    void trustListRendersEntries() throws IOException {
        Map<String, Object> local = new LinkedHashMap<>();
        local.put("agent_id", AGENT);
        local.put("key_id", KEY);
        local.put("fingerprint", "SHA256:x");
        local.put("status", "trusted");
        local.put("local", true);
        local.put("room", null);
        local.put("trusted_by", "local:op");
        local.put("created_at", 1_750_000_000L);
        local.put("revoked_at", null);
        Map<String, Object> revoked = new LinkedHashMap<>(local);
        revoked.put("status", "revoked");
        revoked.put("local", false);
        revoked.put("room", ROOM);
        revoked.put("trusted_by", "@bob:localhost");
        revoked.put("revoked_at", 1_750_000_060L);
        Map<String, Object> result = Map.of("entries", List.of(local, revoked));
        String key = "mxagent-ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0  ";
        assertEquals(List.of(
                "KEY ID" + " ".repeat(key.length() - 6) + "AGENT                           "
                        + "STATUS                        SOURCE               TRUSTED BY      SINCE",
                key + AGENT + "  trusted                       local                local:op        "
                        + "2025-06-15T15:06:40Z",
                key + AGENT + "  revoked 2025-06-15T15:07:40Z  room !ws1:localhost  @bob:localhost  "
                        + "2025-06-15T15:06:40Z"),
                TrustCommands.renderList(result).lines().toList());
        cli.daemon().on("trust.list", (params, call) -> Map.of("entries", List.of()));
        assertEquals(0, cli.run("trust", "list"));
        assertEquals("no trusted keys: every remote request is rejected as untrusted_key\n", cli.stdout);
    }

    @Test
    void fingerprintPrintsKeyIdAndFingerprint() throws IOException {
        cli.daemon().on("trust.fingerprint", (params, call) -> Map.of("key_id", KEY, "fingerprint",
                "SHA256:" + "A".repeat(42) + "0", "public_key", "pk"));
        assertEquals(0, cli.run("trust", "fingerprint"));
        assertEquals("key id        " + KEY + "\nfingerprint   SHA256:" + "A".repeat(42) + "0\n", cli.stdout);
        assertEquals(64, cli.run("trust", "fingerprint", "extra"));
    }

    @Test
    void approveAndRevokeSendTheIds() throws IOException {
        cli.daemon().on("trust.approve", (params, call) -> Map.of("agent_id", params.get("agent_id"), "key_id",
                params.get("key_id"), "fingerprint", "SHA256:f", "status", "trusted"))
                .on("trust.revoke", (params, call) -> Map.of("key_id", params.get("key_id"), "revoked",
                        List.of(Map.of(), Map.of())));
        assertEquals(0, cli.run("trust", "approve", "--agent", AGENT, "--key", KEY));
        assertEquals("trusted " + KEY + " of " + AGENT + " (fingerprint SHA256:f, local record)\n", cli.stdout);
        assertEquals(0, cli.run("trust", "revoke", "--key", KEY));
        assertEquals("revoked " + KEY + " (2 entries)\n", cli.stdout);
        assertEquals(List.of(Map.of("agent_id", AGENT, "key_id", KEY), Map.of("key_id", KEY)), cli.params());
    }

    @Test
    void approveExplainsAFingerprintGivenForAKey() throws IOException {
        cli.daemon();
        assertEquals(64, cli.run("trust", "approve", "--agent", AGENT, "--key", "SHA256:" + "B".repeat(43)));
        assertTrue(cli.stderr.contains("that is a fingerprint: the key id is mxagent-ed25519:" + "B".repeat(43)),
                cli.stderr);
        assertEquals(64, cli.run("trust", "approve", "--key", KEY));
        assertTrue(cli.stderr.contains("needs --agent AGENT_ID"), cli.stderr);
        assertEquals(64, cli.run("trust", "approve", "--agent", "@bob:localhost", "--key", KEY));
        assertEquals(64, cli.run("trust", "revoke"));
        assertTrue(cli.nothingSent());
    }

    @Test
    void revokingAnUnknownKeyExits3() throws IOException {
        cli.daemon().on("trust.revoke", (params, call) -> {
            throw new FakeDaemon.Failure(-32001, "no trust entry has key id " + params.get("key_id"), 3, Map.of());
        });
        assertEquals(3, cli.run("trust", "revoke", "--key", KEY));
        assertTrue(cli.stderr.startsWith("mx-agent: no trust entry has key id " + KEY), cli.stderr);
    }

    @Test
    void trustPublishAndStateAreMarkedAdvisory() throws IOException {
        Map<String, Object> advice = new LinkedHashMap<>();
        advice.put("agent_id", AGENT);
        advice.put("key_id", KEY);
        advice.put("status", "trusted");
        advice.put("trusted_by", "@alice:localhost");
        advice.put("created_at", 1_750_000_000L);
        advice.put("sender", "@alice:localhost");
        advice.put("local", "none");
        cli.daemon().on("trust.publish", (params, call) -> Map.of("room_id", ROOM, "published", List.of(advice)))
                .on("trust.state", (params, call) -> Map.of("room_id", ROOM, "advisory", true, "entries",
                        List.of(advice), "refused", List.of(Map.of("state_key", "x|y", "sender", "@eve:localhost",
                                "reason", "missing fingerprint"))));
        assertEquals(0, cli.run("trust", "publish", "--room", ROOM));
        assertEquals(Map.of("room", ROOM), cli.onlyParams());
        assertEquals("published 1 trust.v1 entry in " + ROOM + " (advisory)\n  " + KEY + "  " + AGENT
                + "  trusted\n", cli.stdout);
        assertEquals(0, cli.run("trust", "state"));
        assertEquals(Map.of(), cli.params().get(1), "no room: the one joined workspace");
        assertTrue(cli.stdout.startsWith("ADVISORY trust.v1 state of " + ROOM), cli.stdout);
        assertTrue(cli.stdout.contains("always win"), cli.stdout);
        assertTrue(cli.stdout.contains(KEY + "  " + AGENT + "  trusted  @alice:localhost"), cli.stdout);
        assertTrue(cli.stdout.trim().endsWith("unreadable trust.v1 x|y from @eve:localhost: missing fingerprint"),
                cli.stdout);
        assertEquals(64, cli.run("trust", "state", "--room", "nope"));
        assertEquals(64, cli.run("trust", "publish", "extra"));
    }
}
