package org.mxagent.crypto.impl.component;

import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.mxagent.crypto.impl.machine.OlmMachine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code crypto}. */
@Component(service = CryptoCommands.class, property = {"osgi.command.scope=crypto",
    "osgi.command.function=status"})
public final class CryptoCommands {
    private final OlmMachineProvider provider;

    @Activate
    public CryptoCommands(@Reference OlmMachineProvider provider) {
        this.provider = provider;
    }

    @Descriptor("end-to-end encryption state of this runtime's device: keys, devices, sessions, undecryptable events")
    public String status() {
        List<OlmMachine> machines = provider.machines();
        if (machines.isEmpty()) {
            return "no crypto machine open: the transport opens one when it is logged in (see mx:whoami)";
        }
        StringBuilder out = new StringBuilder();
        for (OlmMachine machine : machines) {
            out.append(machine.describe()).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
