package org.mxagent.mcp;

import java.util.Map;

/** The daemon's JSON-RPC methods (specs/daemon-ipc.md), one call at a time per connection. */
interface Daemon {
    /** Receives the {@code stream} members of intermediate frames of a streaming method, in order. */
    interface StreamListener {
        void frame(Map<String, Object> stream);
    }

    /** The call's {@code result}; an error reply, no daemon or a lost connection are thrown. */
    Object call(String method, Map<String, Object> params, StreamListener listener) throws DaemonException;
}
