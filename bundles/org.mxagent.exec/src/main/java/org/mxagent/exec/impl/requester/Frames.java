package org.mxagent.exec.impl.requester;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.stream.ReassemblyEvent;

/**
 * The stream frames the CLI receives (specs/exec.md): output {@code {"stream", "data_base64"}} and notices
 * {@code {"event": started|accepted|integrity|cancelled|warning, …}}.
 */
public final class Frames {
    private Frames() {}

    public static ObjectNode data(StreamName stream, byte[] bytes, int from, int to) {
        ObjectNode frame = ProtocolJson.newObject();
        frame.put("stream", stream.wire());
        frame.put("data_base64", Base64.getEncoder().encodeToString(
                from == 0 && to == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, from, to)));
        return frame;
    }

    public static ObjectNode event(String name) {
        ObjectNode frame = ProtocolJson.newObject();
        frame.put("event", name);
        return frame;
    }

    public static ObjectNode warning(String message) {
        ObjectNode frame = event("warning");
        frame.put("message", message);
        return frame;
    }

    /** A lost range or a refused chunk, as the reassembler reported it. */
    public static ObjectNode integrity(ReassemblyEvent problem) {
        ObjectNode frame = event("integrity");
        frame.put("stream", problem.stream().wire());
        if (problem instanceof ReassemblyEvent.Lost lost) {
            frame.put("problem", "lost");
            frame.put("from_seq", lost.fromSeq());
            frame.put("to_seq", lost.toSeq());
            frame.put("message", lost.toSeq() < 0 ? "the stream ended without its EOF marker (chunks from seq "
                    + lost.fromSeq() + " lost)" : "chunks " + lost.fromSeq() + ".." + lost.toSeq() + " lost");
        } else if (problem instanceof ReassemblyEvent.IntegrityFailure failure) {
            frame.put("problem", failure.problem().name().toLowerCase(java.util.Locale.ROOT));
            frame.put("seq", failure.seq());
            frame.put("message", "chunk " + failure.seq() + " refused: " + failure.problem());
        }
        return frame;
    }
}
