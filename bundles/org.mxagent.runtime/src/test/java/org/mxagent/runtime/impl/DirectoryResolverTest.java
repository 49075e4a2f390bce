package org.mxagent.runtime.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryResolverTest {
    @Test
    void configurationWinsThenMxAgentVariablesThenXdg() {
        var resolver = new EnvironmentDirectories.DirectoryResolver(Map.of("HOME", "/home/a",
                "MX_AGENT_DATA_DIR", "/d", "XDG_CONFIG_HOME", "/xc", "XDG_RUNTIME_DIR", "/run/user/1"));
        assertEquals(Path.of("/c"), resolver.dataDir("/c"));
        assertEquals(Path.of("/d"), resolver.dataDir(""));
        assertEquals(Path.of("/xc/mx-agent"), resolver.configDir(""));
        assertEquals(Path.of("/run/user/1/mx-agent"), resolver.runtimeDir(""));
    }

    @Test
    void fallsBackToHomeAndTmp() {
        var resolver = new EnvironmentDirectories.DirectoryResolver(Map.of("HOME", "/home/a", "TMPDIR", "/t"));
        assertEquals(Path.of("/home/a/.local/share/mx-agent"), resolver.dataDir(""));
        assertEquals(Path.of("/home/a/.config/mx-agent"), resolver.configDir(""));
        assertEquals(Path.of("/t/mx-agent-" + System.getProperty("user.name")), resolver.runtimeDir(""));
    }
}
