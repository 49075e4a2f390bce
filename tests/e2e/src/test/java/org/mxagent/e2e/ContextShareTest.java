package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.MatrixUser;

/**
 * Issue 3, "Done when", for context sharing through the CLI of two runtimes: alice shares a small text (inline)
 * and a 200 KiB binary (zstd on Matrix media); bob fetches both and gets the same bytes and SHA-256. A third user
 * who is not an agent posts a {@code context.share} over plain HTTP; bob's {@code share get} refuses it with the
 * reason and exit 132, and the same user re-posting alice's id does not hide her share. Last, bob unregisters his
 * agent and alice sees it {@code offline} at once.
 */
class ContextShareTest {
    private static final int BIG = 200 * 1024;
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void sharesReachTheOtherRuntimeVerifiedAndAForgedShareIsRefused() throws IOException {
        SharedWorkspace ws = SharedWorkspace.create(e2e);
        AgentRuntime alice = ws.alice();
        AgentRuntime bob = ws.bob();

        String small = "hello from alice " + UUID.randomUUID() + "\n";
        JsonNode smallReceipt = alice.cliWithInput(small, "--json", "share", "file", "--room", ws.roomId(), "--name",
                "hello.txt").assertSuccess().json();
        assertEquals("inline", smallReceipt.path("storage").asText(), smallReceipt::toString);
        assertEquals("text/plain", smallReceipt.path("mime_type").asText(), smallReceipt::toString);
        assertEquals(sha256(small.getBytes(StandardCharsets.UTF_8)), smallReceipt.path("sha256").asText());

        byte[] big = new byte[BIG];
        new Random(42).nextBytes(big);
        CliResult bigShared = alice.cliWithInput(big, "share", "file", "--room", ws.alias(), "--name", "blob.bin")
                .assertSuccess();
        String bigId = bigShared.stdoutLines().get(0).split(" ")[1];
        assertTrue(bigShared.out().contains("storage       media mxc://"), bigShared::toString);
        assertEquals(sha256(big), SharedWorkspace.field(bigShared, "sha256"), bigShared::toString);
        assertEquals("application/octet-stream+zstd", SharedWorkspace.field(bigShared, "type"), bigShared::toString);
        assertEquals(BIG + " bytes", SharedWorkspace.field(bigShared, "size"), bigShared::toString);

        // Bob: the small one on stdout, the big one into a file; both verified by the daemon and the CLI.
        String smallId = smallReceipt.path("context_id").asText();
        CliResult smallGot = Eventually.await("bob fetching alice's small share",
                () -> bob.cli("share", "get", smallId, "--room", ws.roomId()).assertSuccess(), r -> true);
        assertEquals(small, smallGot.stdout(), smallGot::toString);
        Path bigFile = bob.root().resolve("blob.bin");
        CliResult bigGot = bob.cli("share", "get", bigId, "--output", bigFile.toString()).assertSuccess();
        assertTrue(bigGot.out().startsWith("wrote " + BIG + " bytes to " + bigFile), bigGot::toString);
        assertTrue(bigGot.out().endsWith("shared by " + ws.aliceUser().userId() + ", sha256 verified)"),
                bigGot::toString);
        byte[] received = Files.readAllBytes(bigFile);
        assertArrayEquals(big, received, "the same bytes");
        assertEquals(sha256(big), sha256(received));
        JsonNode bigJson = bob.jsonCli("share", "get", bigId, "--room", ws.alias());
        assertArrayEquals(big, Base64.getDecoder().decode(bigJson.path("content_base64").asText()));
        assertEquals("media", bigJson.path("storage").asText(), bigJson::toString);
        assertEquals(ws.aliceAgent(), bigJson.path("agent_ids").path(0).asText(), bigJson::toString);

        // Bob shares back; alice reads it.
        String fromBob = "from bob " + UUID.randomUUID();
        JsonNode bobReceipt = bob.cliWithInput(fromBob, "--json", "share", "file", "--room", ws.roomId())
                .assertSuccess().json();
        CliResult bobsShare = alice.cli("share", "get", bobReceipt.path("context_id").asText()).assertSuccess();
        assertEquals(fromBob, bobsShare.stdout());

        // Mallory is a member but hosts no agent: her context.share is refused, and re-posting alice's id with
        // other content does not hide alice's share.
        MatrixUser mallory = e2e.user("mallory");
        e2e.homeserver().join(mallory, ws.roomId());
        String forgedId = newContextId();
        sendShare(mallory, ws.roomId(), forgedId, "forged.txt", "trust me\n");
        sendShare(mallory, ws.roomId(), smallId, "hello.txt", "evil twin\n");

        CliResult refused = bob.cli("share", "get", forgedId, "--room", ws.roomId()).assertExit(132);
        assertEquals("", refused.stdout(), refused::toString);
        assertTrue(refused.stderr().startsWith("mx-agent: share " + forgedId + " was refused: "), refused::toString);
        assertTrue(refused.stderr().contains("shared by " + mallory.userId() + ", which is not the Matrix account of "
                + "any agent registered in " + ws.roomId()), refused::toString);
        JsonNode error = bob.cli("--json", "share", "get", forgedId).assertExit(132).json().path("error");
        assertEquals(132, error.path("exit").asInt(), error::toString);

        assertEquals(small, bob.cli("share", "get", smallId, "--room", ws.roomId()).assertSuccess().stdout(),
                "alice's share, not mallory's copy of its id");

        JsonNode listing = bob.jsonCli("share", "list", "--room", ws.roomId());
        assertEquals(3, listing.path("shares").size(), listing::toString);
        JsonNode forged = StreamSupport.stream(listing.path("rejected").spliterator(), false)
                .filter(r -> forgedId.equals(r.path("context_id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the forgery is listed as refused: " + listing));
        assertEquals(mallory.userId(), forged.path("sender").asText(), listing::toString);
        CliResult table = bob.cli("share", "list", "--room", ws.alias()).assertSuccess();
        assertTrue(table.stdoutLines().stream().anyMatch(l -> l.startsWith(bigId) && l.contains("blob.bin")
                && l.contains(" media ") && l.contains(ws.aliceUser().userId())), table::toString);
        assertTrue(table.stdoutLines().stream().anyMatch(l -> l.startsWith("  " + forgedId + " from "
                + mallory.userId())), table::toString);

        // An agent that announces it is gone is offline for the others at once.
        bob.cli("agent", "unregister", ws.bobAgent()).assertSuccess();
        Eventually.await("alice seeing bob's unregistered agent offline",
                () -> alice.jsonCli("agent", "list", "--room", ws.roomId()),
                l -> SharedWorkspace.liveness(l, ws.bobAgent()).equals("offline"));
        CliResult aliceTable = alice.cli("agent", "list", "--room", ws.roomId()).assertSuccess();
        Optional<String> row = aliceTable.stdoutLines().stream().filter(l -> l.startsWith(ws.bobAgent())).findFirst();
        assertTrue(row.isPresent() && row.get().contains(" offline "), aliceTable::toString);
    }

    /** A context.share.v1 event as {@code user}, over plain HTTP: correct size and digest, inline UTF-8 data. */
    private void sendShare(MatrixUser user, String roomId, String contextId, String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ObjectNode content = new ObjectMapper().createObjectNode().put("context_id", contextId).put("name", name)
                .put("mime_type", "text/plain").put("size_bytes", bytes.length).put("sha256", sha256(bytes))
                .put("data", text).put("encoding", "utf-8");
        e2e.homeserver().call("PUT", "/_matrix/client/v3/rooms/" + segment(roomId)
                + "/send/com.mxagent.context.share.v1/e2e-" + UUID.randomUUID(), user.accessToken(), content);
    }

    /** {@code ctx_} + a ULID: 10 characters of time and 16 random ones, Crockford base32. */
    private static String newContextId() {
        StringBuilder id = new StringBuilder("ctx_");
        long time = System.currentTimeMillis();
        char[] timePart = new char[10];
        for (int i = 9; i >= 0; i--) {
            timePart[i] = CROCKFORD.charAt((int) (time & 31));
            time >>>= 5;
        }
        id.append(timePart);
        for (int i = 0; i < 16; i++) {
            id.append(CROCKFORD.charAt(RANDOM.nextInt(32)));
        }
        return id.toString();
    }

    private static String sha256(byte[] content) {
        try {
            return Base64.getEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
