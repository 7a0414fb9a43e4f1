package dev.modpipe.review.store;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers to read what the Lua scripts return. */
public final class RedisReplies {
    private RedisReplies() {}

    /** A reply of strings (status first, then further values), or an empty list for nil. */
    public static List<String> strings(Object reply) {
        if (reply == null) {
            return List.of();
        }
        if (!(reply instanceof List<?> list)) {
            return List.of(String.valueOf(reply));
        }
        return list.stream().map(RedisReplies::string).toList();
    }

    /** A flat field/value list (from HGETALL) from {@code offset} on, as a map. */
    public static Map<String, String> hash(List<String> flat, int offset) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = offset; i + 1 < flat.size(); i += 2) {
            map.put(flat.get(i), flat.get(i + 1));
        }
        return map;
    }

    private static String string(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }
}
