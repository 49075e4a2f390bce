package org.mxagent.runtime.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.mxagent.runtime.api.PrivateFiles;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Resolves the directories from configuration, else from the MX_AGENT_* and XDG environment variables,
 * and creates them private (0700).
 */
@Component(service = RuntimeDirectories.class)
@Designate(ocd = EnvironmentDirectories.Config.class)
public final class EnvironmentDirectories implements RuntimeDirectories {

    @ObjectClassDefinition(name = "mx-agent directories",
            description = "Empty values fall back to MX_AGENT_*_DIR, then to the XDG base directories.")
    public @interface Config {
        @AttributeDefinition(description = "Data directory (session, keys, trust, replay cache)")
        String data_dir() default "";

        @AttributeDefinition(description = "Config directory (policy.toml)")
        String config_dir() default "";

        @AttributeDefinition(description = "Runtime directory (daemon socket)")
        String runtime_dir() default "";
    }

    private final Path dataDir;
    private final Path configDir;
    private final Path runtimeDir;

    @Activate
    public EnvironmentDirectories(Config config) throws IOException {
        DirectoryResolver resolver = new DirectoryResolver(System.getenv());
        this.dataDir = PrivateFiles.ensurePrivateDirectory(resolver.dataDir(config.data_dir()));
        this.configDir = PrivateFiles.ensurePrivateDirectory(resolver.configDir(config.config_dir()));
        this.runtimeDir = PrivateFiles.ensurePrivateDirectory(resolver.runtimeDir(config.runtime_dir()));
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public Path configDir() {
        return configDir;
    }

    @Override
    public Path runtimeDir() {
        return runtimeDir;
    }

    @Override
    public String toString() {
        return "RuntimeDirectories[data=" + dataDir + ", config=" + configDir + ", runtime=" + runtimeDir + "]";
    }

    /** The lookup order, separate from the file system so it can be tested with any environment. */
    static final class DirectoryResolver {
        private final Map<String, String> env;

        DirectoryResolver(Map<String, String> env) {
            this.env = env;
        }

        Path dataDir(String configured) {
            return first(configured, env.get("MX_AGENT_DATA_DIR"),
                    xdg("XDG_DATA_HOME", ".local/share"));
        }

        Path configDir(String configured) {
            return first(configured, env.get("MX_AGENT_CONFIG_DIR"), xdg("XDG_CONFIG_HOME", ".config"));
        }

        Path runtimeDir(String configured) {
            String xdgRuntime = env.get("XDG_RUNTIME_DIR");
            String fallback = xdgRuntime != null && !xdgRuntime.isBlank()
                    ? Path.of(xdgRuntime, "mx-agent").toString()
                    : Path.of(env.getOrDefault("TMPDIR", "/tmp"), "mx-agent-" + System.getProperty("user.name"))
                            .toString();
            return first(configured, env.get("MX_AGENT_RUNTIME_DIR"), fallback);
        }

        private String xdg(String variable, String homeRelative) {
            String base = env.get(variable);
            if (base == null || base.isBlank()) {
                base = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), homeRelative).toString();
            }
            return Path.of(base, "mx-agent").toString();
        }

        private static Path first(String... candidates) {
            for (String candidate : candidates) {
                if (candidate != null && !candidate.isBlank()) {
                    return Path.of(candidate).toAbsolutePath().normalize();
                }
            }
            throw new IllegalStateException("no directory candidate");
        }
    }
}
