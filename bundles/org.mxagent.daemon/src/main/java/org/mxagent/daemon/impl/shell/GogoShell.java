package org.mxagent.daemon.impl.shell;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Gogo shell as a {@link ShellBackend}; exists only while a Gogo {@link CommandProcessor} does. */
@Component(service = ShellBackend.class)
public final class GogoShell implements ShellBackend {
    private final CommandProcessor processor;

    @Activate
    public GogoShell(@Reference(name = "processor") CommandProcessor processor) {
        this.processor = processor;
    }

    @Override
    public ShellSession open() {
        return GogoShellSession.open(processor);
    }
}
