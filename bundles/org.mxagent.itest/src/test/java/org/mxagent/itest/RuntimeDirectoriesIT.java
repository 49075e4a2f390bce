package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Smoke test of the in-framework set-up: the real runtime bundle's DS component is active in Felix and its
 * directories are the fresh, private ones the test run gives it (test-base.bndrun's -runenv), not the user's.
 */
@ExtendWith(ServiceExtension.class)
class RuntimeDirectoriesIT {

    @InjectService(timeout = 10000)
    RuntimeDirectories directories;

    @Test
    void dataDirectoryIsPrivateAndComesFromTheTestRun() throws Exception {
        Path data = directories.dataDir();

        assertThat(data).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rwx------");
        assertThat(data).isEqualTo(Path.of(TestEnvironment.require("MX_AGENT_DATA_DIR")));
    }

    @Test
    void configAndRuntimeDirectoriesArePrivateToo() throws Exception {
        for (Path dir : new Path[] {directories.configDir(), directories.runtimeDir()}) {
            assertThat(dir).isDirectory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)))
                    .as("permissions of %s", dir)
                    .isEqualTo("rwx------");
        }
        assertThat(directories.configDir()).isEqualTo(Path.of(TestEnvironment.require("MX_AGENT_CONFIG_DIR")));
        assertThat(directories.runtimeDir()).isEqualTo(Path.of(TestEnvironment.require("MX_AGENT_RUNTIME_DIR")));
    }
}
