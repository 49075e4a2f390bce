package org.mxagent.discovery.impl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.Visibility;
import org.mxagent.discovery.api.WorkspaceSpec;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.WorkspaceState;

class CreateRoomRequestTest {
    private static final String CREATOR = "@alice:example.org";

    @Test
    void privateWorkspaceWithoutEncryption() throws Exception {
        ObjectNode body = CreateRoomRequest.build(new WorkspaceSpec("team", "Team", "work", Visibility.PRIVATE,
                false, "", "/src/team"), CREATOR, "12", 1_700_000_000_000L);
        assertEquals("private_chat", body.path("preset").asText());
        assertEquals("private", body.path("visibility").asText());
        assertEquals("team", body.path("room_alias_name").asText());
        assertEquals("Team", body.path("name").asText());
        assertEquals("work", body.path("topic").asText());
        assertEquals(100, body.path("power_level_content_override").path("state_default").intValue());
        JsonNode initial = body.path("initial_state");
        assertEquals(1, initial.size(), "only workspace.v1 without e2ee");
        assertEquals(EventTypes.WORKSPACE, initial.get(0).path("type").asText());
        assertEquals("", initial.get(0).path("state_key").asText());
        WorkspaceState workspace = ProtocolCodec.decode(WorkspaceState.class, initial.get(0).path("content"));
        assertEquals("team", workspace.projectId());
        assertEquals("/src/team", workspace.path());
        assertEquals(CREATOR, workspace.attachedBy());
        assertEquals(1_700_000_000_000L, workspace.attachedAt());
        assertEquals(0, workspace.stateRev());
    }

    @Test
    void publicEncryptedWorkspaceListsItselfAndTurnsOnMegolm() throws Exception {
        ObjectNode body = CreateRoomRequest.build(new WorkspaceSpec("", "Open", "", Visibility.PUBLIC, true, "", ""),
                CREATOR, "12", 1L);
        assertEquals("public_chat", body.path("preset").asText());
        assertEquals("public", body.path("visibility").asText());
        assertFalse(body.has("room_alias_name"));
        assertFalse(body.has("topic"));
        JsonNode encryption = body.path("initial_state").get(0);
        assertEquals("m.room.encryption", encryption.path("type").asText());
        assertEquals("m.megolm.v1.aes-sha2", encryption.path("content").path("algorithm").asText());
        assertEquals("Open", body.path("initial_state").get(1).path("content").path("project_id").asText(),
                "project id falls back to the name");
    }

    @Test
    void explicitProjectIdWins() throws Exception {
        ObjectNode body = CreateRoomRequest.build(new WorkspaceSpec("team", "", "", null, false, "proj-1", ""),
                CREATOR, "12", 1L);
        assertEquals("proj-1", body.path("initial_state").get(0).path("content").path("project_id").asText());
    }

    @Test
    void aliasForms() throws Exception {
        assertEquals("team", CreateRoomRequest.aliasLocalpart("team", "example.org"));
        assertEquals("team", CreateRoomRequest.aliasLocalpart("#team", "example.org"));
        assertEquals("team", CreateRoomRequest.aliasLocalpart("#team:example.org", "example.org"));
        DiscoveryException foreign = assertThrows(DiscoveryException.class,
                () -> CreateRoomRequest.aliasLocalpart("#team:other.org", "example.org"));
        assertEquals(DiscoveryException.Kind.INVALID, foreign.kind());
        assertTrue(foreign.getMessage().contains("not on this account's server"));
        assertThrows(DiscoveryException.class, () -> CreateRoomRequest.aliasLocalpart("Team Room", "example.org"));
    }
}
