package org.mxagent.exec.impl.load;

import org.mxagent.discovery.api.InvocationLoad;
import org.mxagent.terminal.api.LocalExec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hosted agents' {@code load.running_invocations}: the processes this runtime's exec service runs now, remote
 * and loopback alike (a run counts from its start until its result is known).
 */
@Component(service = InvocationLoad.class)
public final class ExecInvocationLoad implements InvocationLoad {
    private final LocalExec exec;

    @Activate
    public ExecInvocationLoad(@Reference LocalExec exec) {
        this.exec = exec;
    }

    @Override
    public int running() {
        return Math.max(0, exec.running());
    }
}
