package org.mxagent.discovery.impl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.discovery.api.Member;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.transport.api.RoomEvent;

class RoomStateReaderTest {
    private final List<RoomEvent> state = new ArrayList<>();

    @Test
    void versionTwelveCreatorsAreReportedAndNotLookedUpInUsers() throws Exception {
        add("@alice:x", "m.room.create", "", "{\"room_version\":\"12\",\"additional_creators\":[\"@carol:x\"]}");
        add("@alice:x", "m.room.power_levels", "", "{\"users\":{\"@bob:x\":50},\"users_default\":0}");
        add("@alice:x", "m.room.name", "", "{\"name\":\"Team\"}");
        add("@alice:x", "m.room.member", "@alice:x", "{\"membership\":\"join\",\"displayname\":\"Alice\"}");
        add("@bob:x", "m.room.member", "@bob:x", "{\"membership\":\"join\"}");
        add("@dave:x", "m.room.member", "@dave:x", "{\"membership\":\"leave\"}");
        RoomStateReader reader = new RoomStateReader(state);

        assertEquals("12", reader.roomVersion());
        assertEquals(List.of("@alice:x", "@carol:x"), reader.creators());
        List<Member> members = reader.members();
        assertEquals(List.of(new Member("@alice:x", "Alice", 100, true), new Member("@bob:x", "", 50, false)),
                members);
        assertEquals("Team", reader.name());
        assertEquals("", reader.alias());
        assertFalse(reader.encrypted());
        assertNull(reader.workspace());
    }

    @Test
    void olderRoomsListTheCreatorInUsersAndWorkspaceAndEncryptionAreRead() throws Exception {
        add("@alice:x", "m.room.create", "", "{\"room_version\":\"10\"}");
        add("@alice:x", "m.room.power_levels", "", "{\"users\":{\"@alice:x\":100}}");
        add("@alice:x", "m.room.member", "@alice:x", "{\"membership\":\"join\"}");
        add("@alice:x", "m.room.encryption", "", "{\"algorithm\":\"m.megolm.v1.aes-sha2\"}");
        add("@alice:x", "com.mxagent.workspace.v1", "", "{\"project_id\":\"p\"}");
        RoomStateReader reader = new RoomStateReader(state);

        assertTrue(reader.creators().isEmpty());
        assertEquals(100, reader.members().get(0).powerLevel());
        assertFalse(reader.members().get(0).creator());
        assertTrue(reader.encrypted());
        assertEquals("p", reader.workspace().path("project_id").asText());
    }

    @Test
    void tasksAreCountedByStateAndRemovedOnesSkipped() throws Exception {
        add("@a:x", "com.mxagent.task.v1", "tsk_1", "{\"task_id\":\"tsk_1\",\"state\":\"running\"}");
        add("@a:x", "com.mxagent.task.v1", "tsk_2", "{\"task_id\":\"tsk_2\",\"state\":\"running\"}");
        add("@b:x", "com.mxagent.task.v1", "tsk_3", "{\"task_id\":\"tsk_3\",\"state\":\"completed\"}");
        add("@b:x", "com.mxagent.task.v1", "tsk_4", "{}");
        assertEquals(java.util.Map.of("running", 2, "completed", 1), new RoomStateReader(state).taskCounts());
    }

    private void add(String sender, String type, String stateKey, String content) throws Exception {
        ObjectNode raw = ProtocolJson.newObject().put("type", type).put("sender", sender).put("state_key", stateKey)
                .put("event_id", "$" + state.size());
        raw.set("content", ProtocolJson.parseObject(content));
        state.add(new RoomEvent("!r", "$" + state.size(), sender, type, stateKey, 1, raw));
    }
}
