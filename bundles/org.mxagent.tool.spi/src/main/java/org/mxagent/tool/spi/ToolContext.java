package org.mxagent.tool.spi;

import java.util.Optional;
import org.mxagent.policy.api.Allowance;
import org.osgi.annotation.versioning.ProviderType;

/** What a tool knows about the call it is answering. */
@ProviderType
public interface ToolContext {

    /** The call's {@code invocation_id}. */
    String invocationId();

    /** The room the call came from; empty for a loopback call (the local CLI of the same OS user). */
    Optional<String> roomId();

    /** The requester's authenticated Matrix user id; empty for a loopback call. */
    Optional<String> requester();

    /**
     * What policy granted this call: timeout, sandbox, network, binds, environment. A tool that starts a process
     * must start it through {@code org.mxagent.terminal.api.LocalExec} with this allowance, so a tool never runs
     * with less confinement than a plain exec would.
     */
    Allowance allowance();

    /** The file-system paths the tool may read or run in. */
    PathScope paths();
}
