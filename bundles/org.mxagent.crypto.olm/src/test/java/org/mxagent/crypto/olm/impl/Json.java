package org.mxagent.crypto.olm.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the flat JSON libolm writes (no escapes, string values only) for assertions. */
final class Json {
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\":\"([^\"]*)\"");

    private Json() {}

    /** A top-level string member, e.g. {@code ed25519} of the identity keys. */
    static String member(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no string member " + name + " in " + json);
        }
        return matcher.group(1);
    }

    /** The key id to key map of {@code {"curve25519":{...}}}. */
    static Map<String, String> curve25519Keys(String json) {
        if (!json.startsWith("{\"curve25519\":{")) {
            throw new AssertionError("not a one-time key object: " + json);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        Matcher matcher = ENTRY.matcher(json);
        while (matcher.find()) {
            keys.put(matcher.group(1), matcher.group(2));
        }
        return keys;
    }
}
