package org.mxagent.discovery.impl.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mxagent.discovery.api.Member;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.transport.api.RoomEvent;

/** What {@code workspace status} shows, read from a room's full current state. */
final class RoomStateReader {
    private final List<RoomEvent> state;

    RoomStateReader(List<RoomEvent> state) {
        this.state = List.copyOf(state);
    }

    String name() {
        return text("m.room.name", "name");
    }

    String alias() {
        return text("m.room.canonical_alias", "alias");
    }

    String topic() {
        return text("m.room.topic", "topic");
    }

    /** Room version 1 has no {@code room_version} member in {@code m.room.create}. */
    String roomVersion() {
        return content("m.room.create").path("room_version").asText("1");
    }

    boolean encrypted() {
        return content("m.room.encryption").has("algorithm");
    }

    ObjectNode powerLevels() {
        return content("m.room.power_levels");
    }

    /** The workspace.v1 content, or null if the room is not a workspace. */
    ObjectNode workspace() {
        RoomEvent event = find(EventTypes.WORKSPACE);
        return event == null || event.content().isEmpty() ? null : event.content();
    }

    /** The room's {@code task.v1} states counted by their {@code state}; removed (empty) ones are not counted. */
    Map<String, Integer> taskCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (RoomEvent event : state) {
            if (EventTypes.TASK.equals(event.type()) && event.content().hasNonNull("state")) {
                counts.merge(event.content().path("state").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** In version 12 and later: the create event's sender and its {@code additional_creators}; else none. */
    List<String> creators() {
        if (!PowerLevels.creatorsArePrivileged(roomVersion())) {
            return List.of();
        }
        Set<String> creators = new LinkedHashSet<>();
        RoomEvent create = find("m.room.create");
        if (create != null) {
            creators.add(create.sender());
            create.content().path("additional_creators").forEach(user -> creators.add(user.asText()));
        }
        return List.copyOf(creators);
    }

    /** Joined members by user id; creators of a version 12+ room are reported at 100. */
    List<Member> members() {
        List<String> creators = creators();
        ObjectNode levels = powerLevels();
        List<Member> members = new ArrayList<>();
        for (RoomEvent event : state) {
            if ("m.room.member".equals(event.type()) && "join".equals(event.content().path("membership").asText())) {
                String userId = event.stateKey();
                boolean creator = creators.contains(userId);
                members.add(new Member(userId, event.content().path("displayname").asText(""),
                        creator ? PowerLevels.CREATOR : PowerLevels.levelOf(levels, userId), creator));
            }
        }
        members.sort(Comparator.comparing(Member::userId));
        return members;
    }

    private String text(String type, String field) {
        return content(type).path(field).asText("");
    }

    private ObjectNode content(String type) {
        RoomEvent event = find(type);
        return event == null ? emptyObject() : event.content();
    }

    private RoomEvent find(String type) {
        for (RoomEvent event : state) {
            if (type.equals(event.type()) && "".equals(event.stateKey())) {
                return event;
            }
        }
        return null;
    }

    private static ObjectNode emptyObject() {
        return ProtocolJson.newObject();
    }
}
