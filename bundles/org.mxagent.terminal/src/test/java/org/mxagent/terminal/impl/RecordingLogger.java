package org.mxagent.terminal.impl;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** An OSGi Logger for components built outside OSGi: records "level message" lines, every level enabled. */
final class RecordingLogger {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(RecordingLogger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getReturnType() == boolean.class) {
                    return true;
                }
                if (method.getReturnType() == String.class) {
                    return "recording";
                }
                if (args != null && args.length > 0 && args[0] instanceof String message) {
                    lines.add(method.getName() + " " + message);
                }
                return null;
            });
}
