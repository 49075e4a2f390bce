package org.mxagent.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The groups for working together in workspaces: {@code workspace}, {@code agent}, {@code share}, {@code trust}, {@code device}.
 * Each command checks its own operands (words after the command), so these commands may take some.
 */
final class CollaborationCommands {
    static final List<CommandSpec> SPECS = specs();

    private CollaborationCommands() {}

    static boolean handles(CommandSpec command) {
        return SPECS.contains(command);
    }

    static int run(Invocation inv) throws CliException {
        switch (inv.line.command().group()) {
            case "workspace":
                return WorkspaceCommands.run(inv);
            case "agent":
                return AgentCommands.run(inv);
            case "share":
                return ShareCommands.run(inv);
            case "trust":
                return TrustCommands.run(inv);
            case "device":
                return DeviceCommands.run(inv);
            default:
                throw new IllegalStateException("no handler for " + inv.line.command().path());
        }
    }

    private static List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.addAll(WorkspaceCommands.SPECS);
        specs.addAll(AgentCommands.SPECS);
        specs.addAll(ShareCommands.SPECS);
        specs.addAll(TrustCommands.SPECS);
        specs.addAll(DeviceCommands.SPECS);
        return List.copyOf(specs);
    }
}
