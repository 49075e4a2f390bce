package org.mxagent.shell.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Dictionary;
import java.util.Hashtable;
import org.mxagent.transport.api.RoomEventListener;

/** Checks what an operator typed, with messages that say what was expected. */
final class RoomInput {
    private RoomInput() {}

    /** Room ids are {@code !opaque} (room version 12 drops the {@code :server} part); aliases {@code #name:server}. */
    static String roomIdOrAlias(String text) {
        boolean roomId = text != null && text.startsWith("!") && text.length() > 1 && !text.endsWith(":");
        boolean alias = text != null && text.startsWith("#") && text.indexOf(':') > 1 && !text.endsWith(":");
        if (!roomId && !alias) {
            throw new IllegalArgumentException("not a room id or alias: '" + text
                    + "' (expected !id:server or #alias:server)");
        }
        return text;
    }

    static String userId(String text) {
        if (text == null || !text.startsWith("@") || text.indexOf(':') < 2 || text.endsWith(":")) {
            throw new IllegalArgumentException("not a Matrix user id: '" + text + "' (expected @user:server)");
        }
        return text;
    }

    static URI homeserver(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: '" + text + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("homeserver must be an http(s) URL, got '" + text + "'");
        }
        return uri;
    }

    static ObjectNode jsonObject(ObjectMapper mapper, String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("event content must be a JSON object, got: " + text);
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event content is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static Dictionary<String, Object> roomFilter(String roomId) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(RoomEventListener.ROOMS, roomId);
        return properties;
    }
}
