package org.mxagent.exec.impl.testing;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** A {@link Logger} that keeps every message (level and format string with its arguments). */
public final class Loggers {
    private Loggers() {}

    public static final class Recording {
        public final List<String> lines = new CopyOnWriteArrayList<>();
        public final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
                new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                    if (method.getReturnType() == boolean.class) {
                        return true;
                    }
                    if (method.getReturnType() == String.class) {
                        return "test";
                    }
                    if (args != null && args.length > 0) {
                        StringBuilder line = new StringBuilder(method.getName()).append(' ').append(args[0]);
                        for (int i = 1; i < args.length; i++) {
                            line.append(" | ").append(args[i] instanceof Object[] more
                                    ? java.util.Arrays.deepToString(more) : args[i]);
                        }
                        lines.add(line.toString());
                    }
                    return null;
                });

        public boolean contains(String text) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }
    }

    public static Recording recording() {
        return new Recording();
    }
}
