package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextService;
import org.mxagent.context.api.ShareEntry;
import org.mxagent.context.api.ShareListing;
import org.mxagent.context.api.ShareReceipt;
import org.mxagent.context.api.SharedDocument;
import org.mxagent.context.api.Storage;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentSpec;
import org.mxagent.discovery.api.Visibility;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceSpec;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Context shares against the real Synapse: inline and media (zstd, in Felix with zstd-jni's natives) round
 * trips, a diff and an environment snapshot, and the checks on receipt: a share posted by a Matrix user who is
 * not an agent of the room, a copy of a genuine share's id by that user, and a share whose hash does not match,
 * are refused with a reason, without hiding the genuine share.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ContextShareIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10000)
    MatrixAccount account;

    @InjectService(timeout = 10000)
    WorkspaceService workspaces;

    @InjectService(timeout = 10000)
    AgentRegistry agents;

    @InjectService(timeout = 10000)
    ContextService shares;

    @InjectService(timeout = 10000)
    LocalSigner signer;

    @TempDir
    Path work;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sharesRoundTripAndForgeriesAreRefused() throws Exception {
        RuntimeLogin login = new RuntimeLogin();
        DevHomeserver.User alice = login.register("ctx-a");
        DevHomeserver.User mallory = login.register("ctx-m");
        MatrixClient client = login.login(context, account, alice);
        String roomId = workspaces.create(new WorkspaceSpec("", "Context " + login.runId, "", Visibility.PRIVATE,
                false, "", "")).roomId();

        AgentRegistration agent = null;
        try (RoomEventWaiter events = new RoomEventWaiter(context, roomId, EventTypes.AGENT)) {
            assertThatThrownBy(() -> shares.shareFile(roomId, "early.txt", "text/plain", new byte[] {1}))
                    .as("no agent of this runtime in the room yet").isInstanceOf(ContextException.class)
                    .hasMessageContaining("register one first");
            agent = agents.register(new AgentSpec("", roomId, "", List.of("shell"), List.of(), "", "", 1));
            String agentId = agent.agentId();
            events.await("agent.v1 of " + agentId, e -> agentId.equals(e.stateKey()), WAIT);
            client.invite(roomId, mallory.userId());
            login.homeserver.join(mallory, roomId);

            // Inline: a small text file.
            byte[] small = "hello from the builder\n".getBytes(StandardCharsets.UTF_8);
            ShareReceipt inline = shares.shareFile(roomId, "hello.txt", "text/plain", small);
            assertThat(inline.storage()).isEqualTo(Storage.INLINE);
            assertThat(inline.signingKeyId()).isEqualTo(signer.keyId());
            SharedDocument inlineBack = shares.get(roomId, inline.contextId());
            assertThat(inlineBack.content()).isEqualTo(small);
            assertThat(inlineBack.mimeType()).isEqualTo("text/plain");
            assertThat(inlineBack.entry().sender()).isEqualTo(alice.userId());
            assertThat(inlineBack.entry().agentIds()).containsExactly(agentId);
            assertThat(inlineBack.entry().signingKeyId()).isEqualTo(signer.keyId());

            // Media: 200 KiB, far above the 32 KiB inline limit: zstd through Matrix media and back.
            byte[] large = largeText(200 * 1024);
            ShareReceipt media = shares.shareFile(roomId, "build.log", "text/plain", large);
            assertThat(media.storage()).isEqualTo(Storage.MEDIA);
            assertThat(media.mimeType()).isEqualTo("text/plain+zstd");
            assertThat(media.mxcUri()).startsWith("mxc://");
            assertThat(media.sizeBytes()).isEqualTo(large.length);
            SharedDocument mediaBack = shares.get("", media.contextId());
            assertThat(mediaBack.content()).isEqualTo(large);
            assertThat(mediaBack.mimeType()).isEqualTo("text/plain");
            assertThat(mediaBack.entry().storage()).isEqualTo(Storage.MEDIA);

            // A git diff and an environment snapshot.
            Files.writeString(work.resolve("a.txt"), "one\n");
            git("init", "-q");
            git("add", "a.txt");
            git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first");
            Files.writeString(work.resolve("a.txt"), "two\n");
            ShareReceipt diff = shares.shareDiff(roomId, work, "HEAD");
            assertThat(diff.mimeType()).isEqualTo("text/x-diff");
            assertThat(new String(shares.get(roomId, diff.contextId()).content(), StandardCharsets.UTF_8))
                    .contains("-one", "+two");
            assertThatThrownBy(() -> shares.shareDiff(roomId, work.resolve("..").normalize(), ""))
                    .isInstanceOf(ContextException.class).hasMessageContaining("not a git repository");
            ShareReceipt env = shares.shareEnv(roomId, List.of());
            JsonNode snapshot = ProtocolJson.parse(shares.get(roomId, env.contextId()).content());
            assertThat(snapshot.has("PATH")).isTrue();
            snapshot.fieldNames().forEachRemaining(name -> assertThat(name).doesNotContainIgnoringCase("token")
                    .doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("password"));

            // A forgery: Mallory is in the room but hosts no agent there.
            ObjectNode forged = inlineShare(Ids.newContextId(), "evil.sh", "rm -rf /\n");
            login.homeserver.send(mallory, roomId, EventTypes.CONTEXT_SHARE, "forged-" + login.runId, forged);
            String forgedId = forged.path("context_id").asText();
            assertThatThrownBy(() -> shares.get(roomId, forgedId)).isInstanceOf(ContextException.class)
                    .satisfies(e -> assertThat(((ContextException) e).kind()).isEqualTo(ContextException.Kind.REJECTED))
                    .hasMessageContaining(mallory.userId())
                    .hasMessageContaining("not the Matrix account of any agent registered in " + roomId);

            // Mallory re-posts the genuine share's id with other content: the genuine share still wins.
            ObjectNode shadow = inlineShare(inline.contextId(), "hello.txt", "something else\n");
            login.homeserver.send(mallory, roomId, EventTypes.CONTEXT_SHARE, "shadow-" + login.runId, shadow);
            assertThat(shares.get(roomId, inline.contextId()).content()).isEqualTo(small);

            // An agent's account (alice, from another device over plain HTTP) sending a wrong hash.
            ObjectNode corrupt = inlineShare(Ids.newContextId(), "notes.txt", "the real text\n");
            corrupt.put("sha256", Base64.getEncoder().withoutPadding().encodeToString(new byte[32]));
            login.homeserver.send(alice, roomId, EventTypes.CONTEXT_SHARE, "corrupt-" + login.runId, corrupt);
            assertThatThrownBy(() -> shares.get(roomId, corrupt.path("context_id").asText()))
                    .isInstanceOf(ContextException.class).hasMessageContaining("sha256 mismatch");

            // The listing shows what was accepted and what was refused.
            ShareListing listing = shares.list(roomId, 50);
            assertThat(listing.shares()).extracting(ShareEntry::contextId)
                    .contains(inline.contextId(), media.contextId(), diff.contextId(), env.contextId())
                    .doesNotContain(forgedId, corrupt.path("context_id").asText());
            assertThat(listing.rejected()).extracting(r -> r.sender() + " " + r.contextId())
                    .contains(mallory.userId() + " " + forgedId, mallory.userId() + " " + inline.contextId(),
                            alice.userId() + " " + corrupt.path("context_id").asText());

            // The CLI's door: share.get over IPC returns the verified bytes; a refused share is exit 132.
            JsonNode ipcGet = ipc("share.get", "{\"context_id\":\"" + inline.contextId() + "\",\"room\":\""
                    + roomId + "\"}");
            assertThat(Base64.getDecoder().decode(ipcGet.path("content_base64").asText())).isEqualTo(small);
            assertThatThrownBy(() -> ipc("share.get", "{\"context_id\":\"" + forgedId + "\",\"room\":\"" + roomId
                    + "\"}")).isInstanceOf(IpcException.class)
                    .satisfies(e -> assertThat(((IpcException) e).exitCode()).isEqualTo(132));
            JsonNode ipcShare = ipc("share.file", "{\"room\":\"" + roomId + "\",\"name\":\"x.bin\",\"content_base64\":\""
                    + Base64.getEncoder().encodeToString(new byte[] {0, (byte) 0xff}) + "\"}");
            assertThat(ipcShare.path("mime_type").asText()).isEqualTo("application/octet-stream");
            assertThat(ipcShare.path("storage").asText()).isEqualTo("inline");
        } finally {
            if (agent != null) {
                agents.unregister(agent.agentId());
            }
        }
    }

    /** A well-formed, unsigned inline share of UTF-8 text, as another client would post it. */
    private static ObjectNode inlineShare(String contextId, String name, String text) throws Exception {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(raw);
        return ProtocolJson.newObject().put("context_id", contextId).put("name", name).put("mime_type", "text/plain")
                .put("size_bytes", raw.length).put("sha256", Base64.getEncoder().withoutPadding().encodeToString(digest))
                .put("data", text).put("encoding", "utf-8");
    }

    /** Text that compresses like a log: repeated lines with a little noise. */
    private static byte[] largeText(int size) {
        StringBuilder text = new StringBuilder();
        Random random = new Random(42);
        while (text.length() < size) {
            text.append("line ").append(text.length()).append(" value=").append(random.nextInt(1000)).append('\n');
        }
        return text.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode ipc(String method, String params) throws Exception {
        Collection<ServiceReference<IpcMethod>> references = context.getServiceReferences(IpcMethod.class,
                "(" + IpcMethod.METHOD + "=" + method + ")");
        assertThat(references).as("IPC method %s registered", method).hasSize(1);
        return context.getService(references.iterator().next()).call(ProtocolJson.parse(params),
                new DiscoveryIT.NoStreamCall(method));
    }

    private void git(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
    }
}
