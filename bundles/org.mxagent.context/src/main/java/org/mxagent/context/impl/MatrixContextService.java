package org.mxagent.context.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextException.Kind;
import org.mxagent.context.api.ContextService;
import org.mxagent.context.api.DiffFormat;
import org.mxagent.context.api.ShareListing;
import org.mxagent.context.api.ShareReceipt;
import org.mxagent.context.api.SharedDocument;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.policy.api.SecretNames;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/** {@link ContextService} over the current Matrix session, pinned to the room's registered agents. */
@Component(service = ContextService.class, configurationPid = MatrixContextService.PID)
@Designate(ocd = ContextConfig.class)
public final class MatrixContextService implements ContextService {
    public static final String PID = "org.mxagent.context";

    private final LocalSigner signer;
    private final AgentRegistry agents;
    private final Logger log;
    private final ExecutorService processReaders;
    private volatile Settings settings;
    private volatile MatrixClient client;

    @Activate
    public MatrixContextService(ContextConfig config, @Reference LocalSigner signer, @Reference AgentRegistry agents,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.signer = signer;
        this.agents = agents;
        this.log = log;
        this.processReaders = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "mx-agent share diff output");
            thread.setDaemon(true);
            return thread;
        });
        modified(config);
    }

    @Modified
    void modified(ContextConfig config) {
        Settings updated = Settings.of(config);
        if (updated.inlineMaxBytes() != config.inline_max_bytes()) {
            log.warn("inline_max_bytes {} is above the safe ceiling; using {}", config.inline_max_bytes(),
                    updated.inlineMaxBytes());
        }
        this.settings = updated;
    }

    @Deactivate
    void deactivate() {
        processReaders.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindClient(MatrixClient client) {
        this.client = client;
    }

    void unbindClient(MatrixClient client) {
        if (this.client == client) {
            this.client = null;
        }
    }

    @Override
    public ShareReceipt shareFile(String room, String name, String mimeType, byte[] content) throws ContextException {
        return send(room, ShareInput.name(name), ShareInput.mimeType(mimeType), content);
    }

    @Override
    public ShareReceipt shareDiff(String room, Path directory, String base, DiffFormat format)
            throws ContextException {
        String revision = base == null ? "" : base.trim();
        byte[] diff = new GitDiff(processReaders, settings.gitTimeout()).diff(directory, revision, format);
        if (diff.length == 0) {
            throw new ContextException(Kind.INVALID, "nothing to share: git diff" + (revision.isEmpty() ? ""
                    : " " + revision) + " is empty in " + directory);
        }
        Path folder = directory.getFileName();
        String name = (folder == null ? "changes" : folder.toString())
                + (revision.isEmpty() ? "" : "-" + revision.replaceAll("[^A-Za-z0-9._-]", "_")) + format.suffix();
        return send(room, name, format.mimeType(), diff);
    }

    @Override
    public ShareReceipt shareEnv(String room, List<String> include) throws ContextException {
        List<String> configured = new ArrayList<>();
        for (String name : settings.envAllowlist()) {
            if (SecretNames.isUnshareable(name.replace("*", ""))) {
                log.warn("env_allowlist names {}, which looks like a secret; it is never shared", name);
            } else {
                configured.add(name);
            }
        }
        byte[] snapshot = EnvironmentSnapshot.snapshot(System.getenv(), configured, include == null ? List.of()
                : include);
        return send(room, "env.json", EnvironmentSnapshot.MIME_TYPE, snapshot);
    }

    @Override
    public ShareListing list(String room, int limit) throws ContextException {
        MatrixClient current = ShareInput.require(client);
        String roomId = ShareInput.roomId(current, room);
        return new ShareReader(current, settings).list(roomId, agentsOf(roomId), Math.max(1, limit));
    }

    @Override
    public SharedDocument get(String room, String contextId) throws ContextException {
        MatrixClient current = ShareInput.require(client);
        if (contextId == null || !contextId.startsWith("ctx_")) {
            throw new ContextException(Kind.INVALID, "not a context id (ctx_...): '" + contextId + "'");
        }
        List<String> rooms = room == null || room.isBlank() ? workspaceRooms(current)
                : List.of(ShareInput.roomId(current, room));
        List<String> reasons = new ArrayList<>();
        ShareReader reader = new ShareReader(current, settings);
        for (String roomId : rooms) {
            SharedDocument document = reader.find(roomId, agentsOf(roomId), contextId, reasons);
            if (document != null) {
                return document;
            }
        }
        if (!reasons.isEmpty()) {
            throw new ContextException(Kind.REJECTED, "share " + contextId + " was refused: "
                    + String.join("; ", reasons));
        }
        throw new ContextException(Kind.NOT_FOUND, "no share " + contextId + " in the newest "
                + settings.scanMaxEvents() + " events of " + (rooms.size() == 1 ? rooms.get(0)
                        : rooms.size() + " joined workspace rooms"));
    }

    private ShareReceipt send(String room, String name, String mimeType, byte[] content) throws ContextException {
        MatrixClient current = ShareInput.require(client);
        String roomId = ShareInput.roomId(current, room);
        requireHostedAgent(current, roomId);
        ShareReceipt receipt = new ShareSender(current, signer, settings).send(roomId, name, mimeType, content);
        log.info("shared {} ({} bytes, {}) in {} as {}", name, content.length, receipt.storage().wire(), roomId,
                receipt.contextId());
        return receipt;
    }

    /** Peers accept shares only from agents' accounts: refuse to send one nobody would accept. */
    private void requireHostedAgent(MatrixClient current, String roomId) throws ContextException {
        try {
            if (agents.hosted().stream().anyMatch(a -> a.roomId().equals(roomId))) {
                return;
            }
        } catch (DiscoveryException e) {
            throw Failures.discovery(e);
        }
        String me = current.session().userId();
        if (agentsOf(roomId).stream().noneMatch(a -> a.matrixUserId().equals(me))) {
            throw new ContextException(Kind.INVALID, "no agent of " + me + " is registered in " + roomId
                    + ": register one first (agent register --room " + roomId + "); other agents accept shares "
                    + "only from the accounts of registered agents");
        }
    }

    private List<AgentState> agentsOf(String roomId) throws ContextException {
        try {
            return agents.list(roomId, Set.of()).stream().map(AgentView::state).toList();
        } catch (DiscoveryException e) {
            throw Failures.discovery(e);
        }
    }

    private static List<String> workspaceRooms(MatrixClient current) throws ContextException {
        List<String> rooms = new ArrayList<>();
        try {
            for (String roomId : current.joinedRooms()) {
                if (current.getState(roomId, EventTypes.WORKSPACE, "").isPresent()) {
                    rooms.add(roomId);
                }
            }
        } catch (MatrixException e) {
            throw Failures.matrix("list the joined workspaces", e);
        }
        if (rooms.isEmpty()) {
            throw new ContextException(Kind.NOT_FOUND, "no joined workspace room to look in; pass a room");
        }
        return rooms;
    }
}
