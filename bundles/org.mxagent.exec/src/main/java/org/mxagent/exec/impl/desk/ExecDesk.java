package org.mxagent.exec.impl.desk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.exec.impl.requester.Session;
import org.mxagent.protocol.api.event.StreamName;

/**
 * The exec bundle's operations for its IPC methods and Gogo commands (a service private to this bundle): start
 * execs and calls, find sessions, and the invocations of rooms.
 */
public interface ExecDesk {

    /** Starts an exec (remote or loopback); its frames and result are read from {@link Session#frames()}. */
    Session startExec(ExecParams params) throws DeskException;

    /** As {@link #startExec(ExecParams)}, under an invocation id the caller already holds (a task's). */
    Session startExec(ExecParams params, String invocationId) throws DeskException;

    Session startCall(CallParams params) throws DeskException;

    /** A session this runtime requested and has not forgotten yet. */
    Optional<Session> session(String invocationId);

    /** Live requester sessions and target runs, for operators. */
    List<ObjectNode> live();

    /** {@code invocation.v1} of a room (or of every room this runtime hosts agents in), newest first. */
    List<ObjectNode> list(Optional<String> room) throws DeskException;

    /** One invocation: its published state and what this runtime knows live. */
    ObjectNode show(String invocationId, Optional<String> room) throws DeskException;

    /** Cancels an invocation: a live session here, a run here, or by a signed cancel as its requester. */
    ObjectNode cancel(String invocationId, Optional<String> room, String reason) throws DeskException;

    /** The verified, decompressed artifact of one stream. */
    Artifact artifact(String invocationId, StreamName stream, Optional<String> room) throws DeskException;

    /** The tools this runtime offers, as {@code tool.v1} would publish them. */
    List<ObjectNode> tools();

    /** A downloaded artifact: its event fields and a reader of the raw log (the caller closes it). */
    record Artifact(ObjectNode description, java.io.InputStream rawLog) {}
}
