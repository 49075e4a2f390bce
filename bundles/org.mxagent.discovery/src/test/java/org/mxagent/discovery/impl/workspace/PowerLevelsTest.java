package org.mxagent.discovery.impl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;

class PowerLevelsTest {
    private static final String CREATOR = "@alice:example.org";

    @Test
    void membersSendTimelineEventsButNativeStateIsCreatorOnly() {
        ObjectNode levels = PowerLevels.forWorkspace(CREATOR, "11");
        assertEquals(0, levels.get("users_default").intValue());
        assertEquals(0, levels.get("events_default").intValue());
        assertEquals(100, levels.get("state_default").intValue());
    }

    @Test
    void everyMxagentStateTypeNeedsFiftyAndNothingElseIsPinned() {
        ObjectNode events = (ObjectNode) PowerLevels.forWorkspace(CREATOR, "11").get("events");
        List<String> pinned = new ArrayList<>();
        events.fieldNames().forEachRemaining(pinned::add);
        assertEquals(EventTypes.STATE, pinned);
        assertEquals(6, pinned.size());
        events.forEach(level -> assertEquals(50, level.intValue()));
        assertTrue(pinned.stream().allMatch(type -> type.startsWith("com.mxagent.")));
    }

    @Test
    void creatorIsListedAtHundredBeforeRoomVersionTwelve() {
        ObjectNode users = (ObjectNode) PowerLevels.forWorkspace(CREATOR, "10").get("users");
        assertEquals(1, users.size());
        assertEquals(100, users.get(CREATOR).intValue());
    }

    @Test
    void creatorIsLeftOutFromRoomVersionTwelveOnBecauseTheServerRefusesIt() {
        assertEquals(0, PowerLevels.forWorkspace(CREATOR, "12").get("users").size());
        assertEquals(0, PowerLevels.forWorkspace(CREATOR, "13").get("users").size());
        assertEquals(0, PowerLevels.forWorkspace(CREATOR, "org.matrix.hydra.11").get("users").size());
        assertFalse(PowerLevels.creatorsArePrivileged("org.example.custom"));
        assertFalse(PowerLevels.creatorsArePrivileged(null));
    }

    @Test
    void grantAddsOrReplacesOneUserAndLeavesTheRestAlone() throws Exception {
        ObjectNode current = ProtocolJson.parseObject("{\"users\":{\"@a:x\":100,\"@b:x\":0},\"ban\":50}");
        ObjectNode granted = PowerLevels.withUser(current, "@b:x", 50);
        assertEquals(50, granted.path("users").path("@b:x").intValue());
        assertEquals(100, granted.path("users").path("@a:x").intValue());
        assertEquals(50, granted.path("ban").intValue());
        assertEquals(0, current.path("users").path("@b:x").intValue(), "input untouched");
        assertEquals(50, PowerLevels.withUser(ProtocolJson.newObject(), "@c:x", 50).path("users").path("@c:x").intValue());
    }

    @Test
    void levelOfFallsBackToUsersDefault() throws Exception {
        ObjectNode levels = ProtocolJson.parseObject("{\"users\":{\"@a:x\":75},\"users_default\":10}");
        assertEquals(75, PowerLevels.levelOf(levels, "@a:x"));
        assertEquals(10, PowerLevels.levelOf(levels, "@z:x"));
        assertEquals(0, PowerLevels.levelOf(null, "@z:x"));
    }
}
