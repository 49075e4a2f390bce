package org.mxagent.shell.impl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Gogo commands of scope {@code mx}: the Matrix account and rooms of this runtime. */
@Component(service = MatrixCommands.class, property = {
    "osgi.command.scope=mx",
    "osgi.command.function=login", "osgi.command.function=logout", "osgi.command.function=whoami",
    "osgi.command.function=rooms", "osgi.command.function=create", "osgi.command.function=join", "osgi.command.function=send",
    "osgi.command.function=tail", "osgi.command.function=sync"})
public final class MatrixCommands {
    private final BundleContext context;
    private volatile MatrixAccount account;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile MatrixClient client;

    @Activate
    public MatrixCommands(BundleContext context) {
        this.context = context;
    }

    // Optional: the commands stay available (and say why they cannot work) while the transport is replaced.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAccount(MatrixAccount account) {
        this.account = account;
    }

    void unsetAccount(MatrixAccount account) {
        if (this.account == account) {
            this.account = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setClient(MatrixClient client) {
        this.client = client;
    }

    void unsetClient(MatrixClient client) {
        if (this.client == client) {
            this.client = null;
        }
    }

    @Descriptor("log in with a password (from the argument, else MX_AGENT_PASSWORD)")
    public String login(@Descriptor("homeserver URL, e.g. http://127.0.0.1:8008") String homeserver,
            @Descriptor("user name or @user:server") String user,
            @Descriptor("password (optional)") String... password) throws MatrixException {
        String secret = password.length > 0 ? password[0] : System.getenv("MX_AGENT_PASSWORD");
        if (secret == null) {
            throw new IllegalArgumentException("no password: pass it as the third argument or set MX_AGENT_PASSWORD");
        }
        MatrixSession session = requireAccount().login(RoomInput.homeserver(homeserver), user, secret.toCharArray());
        return "logged in as " + session.userId() + " (device " + session.deviceId() + ")";
    }

    @Descriptor("log out and forget the stored session")
    public String logout() throws MatrixException {
        requireAccount().logout();
        return "logged out";
    }

    @Descriptor("show who this runtime is logged in as, checked with the homeserver")
    public String whoami() throws MatrixException {
        MatrixClient current = requireClient();
        var reply = current.request("GET", "/_matrix/client/v3/account/whoami", null);
        MatrixSession session = current.session();
        return "user:       " + reply.path("user_id").asText() + "\ndevice:     "
                + reply.path("device_id").asText(session.deviceId()) + "\nhomeserver: " + session.homeserver();
    }

    @Descriptor("list the joined rooms with their names and aliases")
    public String rooms() throws MatrixException {
        MatrixClient current = requireClient();
        StringBuilder out = new StringBuilder();
        for (String roomId : current.joinedRooms()) {
            String name = current.getState(roomId, "m.room.name", "").map(c -> c.path("name").asText("")).orElse("");
            String alias = current.getState(roomId, "m.room.canonical_alias", "")
                    .map(c -> c.path("alias").asText("")).orElse("");
            out.append(roomId);
            if (!alias.isEmpty()) {
                out.append("  ").append(alias);
            }
            if (!name.isEmpty()) {
                out.append("  \"").append(name).append('"');
            }
            out.append('\n');
        }
        return out.length() == 0 ? "no joined rooms" : out.toString().stripTrailing();
    }

    @Descriptor("create a private room and invite users; prints the room id")
    public String create(@Descriptor("room name") String name,
            @Descriptor("users to invite (@user:server)") String... invitees) throws MatrixException {
        ObjectNode body = mapper.createObjectNode().put("name", name).put("preset", "private_chat");
        var invite = body.putArray("invite");
        for (String user : invitees) {
            invite.add(RoomInput.userId(user));
        }
        return requireClient().createRoom(body);
    }

    @Descriptor("join a room by id (!id:server) or alias (#alias:server)")
    public String join(@Descriptor("room id or alias") String room) throws MatrixException {
        return "joined " + requireClient().joinRoom(RoomInput.roomIdOrAlias(room));
    }

    @Descriptor("send a text message, or with -t/--type an event whose content is the JSON text")
    public String send(
            @Descriptor("event type; the message is then the JSON content")
            @Parameter(names = {"-t", "--type"}, absentValue = "m.room.message") String type,
            @Descriptor("room id or alias") String room,
            @Descriptor("message words, or JSON content with --type") String... message) throws MatrixException {
        if (message.length == 0) {
            throw new IllegalArgumentException("nothing to send: give a message after the room");
        }
        MatrixClient current = requireClient();
        String roomId = resolve(current, room);
        String text = String.join(" ", message);
        ObjectNode content;
        if ("m.room.message".equals(type)) {
            content = mapper.createObjectNode().put("msgtype", "m.text").put("body", text);
        } else {
            content = RoomInput.jsonObject(mapper, text);
        }
        return current.sendEvent(roomId, type, content);
    }

    @Descriptor("print a room's latest events, then with -f follow new ones for that many seconds")
    public String tail(
            @Descriptor("how many past events to show") @Parameter(names = {"-n", "--lines"}, absentValue = "10")
            int lines,
            @Descriptor("follow new events for this many seconds")
            @Parameter(names = {"-f", "--follow"}, absentValue = "0") int followSeconds,
            @Descriptor("room id or alias") String room) throws MatrixException, InterruptedException {
        if (lines < 0 || followSeconds < 0) {
            throw new IllegalArgumentException("-n and -f take numbers >= 0");
        }
        MatrixClient current = requireClient();
        String roomId = resolve(current, room);
        BlockingQueue<RoomEvent> live = new LinkedBlockingQueue<>();
        ServiceRegistration<RoomEventListener> registration = followSeconds > 0
                ? context.registerService(RoomEventListener.class, live::add, RoomInput.roomFilter(roomId)) : null;
        try {
            if (lines > 0) {
                MessagesPage page = current.messages(roomId, null, true, lines);
                List<RoomEvent> newestFirst = new ArrayList<>(page.events());
                for (int i = newestFirst.size() - 1; i >= 0; i--) {
                    System.out.println(EventFormat.line(newestFirst.get(i)));
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(followSeconds).toNanos();
            while (registration != null && System.nanoTime() < deadline) {
                RoomEvent event = live.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null) {
                    System.out.println(EventFormat.line(event));
                    System.out.flush();
                }
            }
        } finally {
            if (registration != null) {
                registration.unregister();
            }
        }
        return null;
    }

    @Descriptor("show the sync loop: position, last success, lag, failures, backoff and rate limiting")
    public String sync() {
        MatrixClient current = client;
        if (current == null) {
            MatrixAccount currentAccount = account;
            if (currentAccount == null) {
                return "sync: no Matrix transport in this runtime (is org.mxagent.transport.syncv2 stopped?)";
            }
            return currentAccount.session().isPresent() ? "sync: starting" : "sync: not logged in";
        }
        return SyncReport.format(current.session(), current.syncStatus(), java.time.Instant.now());
    }

    private MatrixAccount requireAccount() {
        MatrixAccount current = account;
        if (current == null) {
            throw new IllegalStateException("no Matrix transport in this runtime (is org.mxagent.transport.syncv2 stopped?)");
        }
        return current;
    }

    private MatrixClient requireClient() {
        MatrixClient current = client;
        if (current == null) {
            throw new IllegalStateException("not logged in: run mx:login <homeserver> <user> or mx-agent auth login");
        }
        return current;
    }

    private static String resolve(MatrixClient client, String room) throws MatrixException {
        String checked = RoomInput.roomIdOrAlias(room);
        return checked.startsWith("#") ? client.resolveAlias(checked) : checked;
    }
}
