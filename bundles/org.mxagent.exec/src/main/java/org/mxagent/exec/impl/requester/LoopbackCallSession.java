package org.mxagent.exec.impl.requester;

import java.util.Optional;
import org.mxagent.exec.impl.tools.CallContext;
import org.mxagent.exec.impl.tools.CallOutcome;
import org.mxagent.exec.impl.tools.ToolRunner;
import org.mxagent.protocol.api.Ids;

/** A call to a tool of this runtime from the local CLI (no room): no signature, no policy beyond the loopback floor. */
public final class LoopbackCallSession extends Session {
    private final RequesterServices services;
    private final ToolRunner tools;
    private final String tool;
    private final com.fasterxml.jackson.databind.JsonNode args;
    private final CallContext context;
    private final String requestId = Ids.newRequestId();
    private volatile String phase = "running";

    public LoopbackCallSession(RequesterServices services, ToolRunner tools, String tool,
            com.fasterxml.jackson.databind.JsonNode args, CallContext context) {
        super(context.invocationId(), "call", Optional.empty(), Optional.empty(),
                new FrameBuffer(services.bufferBytes()), services.clock().instant());
        this.services = services;
        this.tools = tools;
        this.tool = tool;
        this.args = args;
        this.context = context;
    }

    public void start() {
        services.sessions().add(this);
        services.pool().execute(() -> {
            CallOutcome outcome = tools.run(tool, args, context);
            phase = "done";
            frames().finish(CallResults.of(invocationId(), requestId, outcome.ok(), outcome.result(), outcome.error(),
                    outcome.code()));
            services.sessions().retire(this);
        });
    }

    @Override
    public void stdin(byte[] data, boolean eof) throws DeskException {
        throw new DeskException(DeskException.Kind.INVALID, "a call takes no input");
    }

    @Override
    public boolean cancel(String reason) {
        return false;
    }

    @Override
    public void resize(int rows, int cols) throws DeskException {
        throw new DeskException(DeskException.Kind.INVALID, "a call has no PTY");
    }

    @Override
    protected String phase() {
        return phase;
    }
}
