package org.mxagent.discovery.impl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.WorkspaceRepo;
import org.mxagent.protocol.api.event.WorkspaceState;

class AttachmentTest {
    private static final Path DIR = Path.of("/work/proj");
    private static final WorkspaceRepo REPO = new WorkspaceRepo("https://h/p.git", "main", "abc", Map.of());

    @Test
    void aFirstAttachmentStartsAtRevisionOneWithTheDirectoryName() {
        WorkspaceState state = Attachment.next(null, DIR, REPO, "", "@a:x", 42);
        assertEquals("proj", state.projectId());
        assertEquals("/work/proj", state.path());
        assertEquals(REPO, state.repo());
        assertEquals("@a:x", state.attachedBy());
        assertEquals(42, state.attachedAt());
        assertEquals(1, state.stateRev());
    }

    @Test
    void reattachingBumpsTheRevisionKeepsTheProjectAndUnknownMembers() throws Exception {
        ObjectNode previous = ProtocolJson.parseObject("{\"project_id\":\"team\",\"path\":\"/old\",\"repo\":null,"
                + "\"attached_by\":\"@b:x\",\"attached_at\":1,\"state_rev\":4,\"x_note\":\"kept\"}");
        WorkspaceState state = Attachment.next(previous, DIR, null, "", "@a:x", 42);
        assertEquals("team", state.projectId());
        assertEquals(5, state.stateRev());
        assertNull(state.repo());
        assertEquals("kept", state.extra().get("x_note").asText());
        assertEquals("other", Attachment.next(previous, DIR, null, "other", "@a:x", 42).projectId());
    }

    @Test
    void anUnreadableCurrentStateIsReplacedFromRevisionOne() throws Exception {
        ObjectNode broken = ProtocolJson.parseObject("{\"project_id\":7}");
        assertEquals(1, Attachment.next(broken, DIR, null, "", "@a:x", 42).stateRev());
        assertEquals(1, Attachment.next(ProtocolJson.newObject(), DIR, null, "", "@a:x", 42).stateRev());
    }
}
