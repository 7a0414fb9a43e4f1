package dev.modpipe.ingest.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run atomically by Redis, sent by its SHA-1 and in full only when Redis does not
 * know it yet (after a restart). Any Redis failure becomes a {@link RedisUnavailableException}.
 * Thread-safe.
 */
public final class LuaScript {
    private final String name;
    private final String source;
    private final String sha1;

    public LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha1 = sha1(source);
    }

    public Object run(UnifiedJedis jedis, List<String> keys, List<String> args) {
        try {
            try {
                return jedis.evalsha(sha1, keys, args);
            } catch (JedisNoScriptException e) {
                return jedis.eval(source, keys, args);
            }
        } catch (JedisException | IllegalStateException e) {
            throw new RedisUnavailableException(name, e);
        }
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
