package org.mxagent.adapter.aider.impl;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@link AiderAdapter.Config} with the annotation's defaults and some values overridden. */
final class Configs {
    private Configs() {}

    static AiderAdapter.Config aider(Map<String, Object> values) {
        return (AiderAdapter.Config) Proxy.newProxyInstance(Configs.class.getClassLoader(),
                new Class<?>[] {AiderAdapter.Config.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return switch (method.getName()) {
                        case "hashCode" -> 0;
                        case "equals" -> proxy == args[0];
                        default -> "Config" + values;
                    };
                });
    }
}
