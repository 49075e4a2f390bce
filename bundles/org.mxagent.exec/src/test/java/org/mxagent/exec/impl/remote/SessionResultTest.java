package org.mxagent.exec.impl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mxagent.exec.api.RemoteExecResult;
import org.mxagent.protocol.api.ProtocolJson;

/** The CLI's final result object (specs/exec.md) read as a RemoteExecResult. */
class SessionResultTest {

    @Test
    void anExitedResultKeepsTheRemoteExitCodeNotTheCliExitCode() {
        ObjectNode done = ProtocolJson.newObject();
        done.put("outcome", "exited");
        done.put("exit_code", 3);
        done.put("remote_exit_code", 3);
        done.putNull("signal");
        done.put("truncated", true);
        RemoteExecResult result = SessionResult.of(done, "out");
        assertEquals(RemoteExecResult.EXITED, result.outcome());
        assertEquals(3, result.exitCode());
        assertNull(result.signal());
        assertTrue(result.truncated());
        assertEquals("out", result.tail());
        assertEquals(Optional.empty(), result.rejectedReason());
    }

    @Test
    void aRejectionCarriesItsReason() {
        ObjectNode done = ProtocolJson.newObject();
        done.put("outcome", "rejected");
        done.put("exit_code", 160);
        done.put("rejected_reason", "policy_denied");
        done.put("message", "the target rejected the request: policy_denied");
        RemoteExecResult result = SessionResult.of(done, "");
        assertEquals(RemoteExecResult.REJECTED, result.outcome());
        assertNull(result.exitCode(), "160 is the CLI's code, not a process exit");
        assertEquals(Optional.of("policy_denied"), result.rejectedReason());
    }

    @Test
    void aSignalledRunHasNoExitCode() {
        ObjectNode done = ProtocolJson.newObject();
        done.put("outcome", "signalled");
        done.put("exit_code", 143);
        done.putNull("remote_exit_code");
        done.put("signal", "SIGTERM");
        RemoteExecResult result = SessionResult.of(done, "");
        assertNull(result.exitCode());
        assertEquals("SIGTERM", result.signal());
    }
}
