package org.mxagent.sandbox.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.SeccompMode;
import org.mxagent.sandbox.api.LaunchMode;
import org.mxagent.sandbox.api.LaunchSpec;
import org.mxagent.sandbox.api.SandboxException;
import org.mxagent.sandbox.api.WrappedCommand;

class NoneSandboxTest {
    private final RecordingLogger log = new RecordingLogger();
    private final Allowance plain = Allowances.of(NetworkMode.DENY, List.of(), List.of());

    private LaunchSpec spec(Allowance allowance) {
        return new LaunchSpec(List.of("ls", "-l"), Path.of("/tmp"), Map.of("PATH", "/usr/bin"), LaunchMode.BATCH,
                allowance);
    }

    @Test
    void runsTheCommandAsItIsAndWarnsLoudly() throws Exception {
        WrappedCommand wrapped = new NoneSandbox(log.logger, "/usr/bin:/bin").wrap(spec(plain));
        assertEquals(List.of("ls", "-l"), wrapped.argv());
        assertEquals(Map.of("PATH", "/usr/bin"), wrapped.env());
        assertEquals(Path.of("/tmp"), wrapped.hostCwd());
        assertFalse(wrapped.supervised());
        assertTrue(wrapped.warnings().get(0).contains("WITHOUT isolation"));
        assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("warn ") && l.contains("WITHOUT isolation")),
                log.lines.toString());
    }

    @Test
    void limitsGoThroughPrlimit() throws Exception {
        Allowance limited = Allowances.withLimits(plain, OptionalLong.of(64), OptionalLong.of(1 << 30),
                OptionalLong.of(30));
        WrappedCommand wrapped = new NoneSandbox(log.logger, "/usr/bin:/bin").wrap(spec(limited));
        assertTrue(wrapped.argv().get(0).endsWith("/prlimit"), wrapped.argv().toString());
        assertEquals(List.of("--nproc=64", "--as=1073741824", "--cpu=30", "--", "ls", "-l"),
                wrapped.argv().subList(1, wrapped.argv().size()));
    }

    @Test
    void limitsWithoutPrlimitFailClosed() {
        Allowance limited = Allowances.withLimits(plain, OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.of(1));
        SandboxException e = assertThrows(SandboxException.class,
                () -> new NoneSandbox(log.logger, "").wrap(spec(limited)));
        assertTrue(e.getMessage().contains("prlimit"), e.getMessage());
    }

    @Test
    void seccompIsRefusedRatherThanIgnored() {
        assertThrows(SandboxException.class, () -> new NoneSandbox(log.logger, "/usr/bin")
                .wrap(spec(Allowances.withSeccomp(plain, SeccompMode.DEFAULT))));
    }
}
