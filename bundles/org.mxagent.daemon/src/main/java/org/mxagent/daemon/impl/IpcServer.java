package org.mxagent.daemon.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The daemon's socket server (specs/daemon-ipc.md): serves every {@link IpcMethod} service over
 * {@code <runtime dir>/daemon.sock} and announces itself in {@code daemon.json} while it runs.
 */
@Component(immediate = true)
@Designate(ocd = IpcServer.Config.class)
public final class IpcServer {

    @ObjectClassDefinition(name = "mx-agent daemon IPC")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a method may run before its call fails")
        int call_timeout_seconds() default 60;

        @AttributeDefinition(description = "Client connections served at once; more are turned away")
        int max_connections() default 16;
    }

    private final MethodRegistry methods = new MethodRegistry();
    private final InstanceLock lock;
    private final Dispatcher dispatcher;
    private final SocketListener listener;
    private final StatusFile statusFile;

    @Activate
    public IpcServer(Config config, @Reference(name = "directories") RuntimeDirectories directories,
            BundleContext context) throws IOException {
        Path socket = DaemonFiles.socket(directories);
        try {
            this.lock = InstanceLock.acquire(DaemonFiles.lock(directories));
        } catch (IOException e) {
            DaemonLog.warn("not starting the daemon socket: " + e.getMessage());
            throw e;
        }
        // A call may outlive its budget until it notices the interrupt: leave room beyond one per connection.
        this.dispatcher = new Dispatcher(methods, Duration.ofSeconds(config.call_timeout_seconds()),
                2 * config.max_connections());
        this.statusFile = new StatusFile(DaemonFiles.status(directories));
        try {
            this.listener = SocketListener.start(socket, dispatcher, config.max_connections());
        } catch (IOException | RuntimeException e) {
            DaemonLog.error("cannot open the daemon socket " + socket, e);
            dispatcher.close();
            lock.close();
            throw e;
        }
        try {
            statusFile.write(DaemonProcess.pid(), DaemonProcess.startedAt(), socket,
                    context.getBundle().getVersion().toString(), DaemonFiles.log(directories));
        } catch (IOException | RuntimeException e) {
            DaemonLog.error("cannot write " + DaemonFiles.status(directories), e);
            shutdown();
            throw e;
        }
        DaemonLog.info("listening on " + socket + " (pid " + DaemonProcess.pid() + ")");
    }

    @Reference(service = IpcMethod.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addMethod(IpcMethod method, Map<String, Object> properties) {
        if (!methods.add(method, properties)) {
            DaemonLog.warn("ignored an IpcMethod service without a " + IpcMethod.METHOD + " property: " + properties);
        }
    }

    void removeMethod(IpcMethod method, Map<String, Object> properties) {
        methods.remove(method, properties);
    }

    @Deactivate
    void deactivate() throws IOException {
        shutdown();
        DaemonLog.info("daemon socket closed");
    }

    private void shutdown() throws IOException {
        try {
            listener.close();
        } finally {
            dispatcher.close();
            try {
                statusFile.delete();
            } finally {
                lock.close();
            }
        }
    }
}
