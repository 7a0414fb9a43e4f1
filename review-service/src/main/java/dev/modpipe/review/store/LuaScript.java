package dev.modpipe.review.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run atomically by Redis: {@code prelude.lua} (shared helpers) followed by the named
 * script, both from the classpath. Runs by SHA and falls back to sending the source when Redis does
 * not know the script (after a restart). Every script receives the key prefix as {@code ARGV[1]} and
 * the current time in epoch milliseconds as {@code ARGV[2]}. Immutable and thread-safe.
 */
public final class LuaScript {
    private static final String PRELUDE = resource(LuaScript.class, "prelude.lua");

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    /**
     * Loads scripts from the resources beside {@code owner} (e.g. {@code "claim.lua"}), after the
     * prelude, in order: the last is the script, any before it are helpers of its feature.
     */
    public static LuaScript load(Class<?> owner, String... names) {
        StringBuilder source = new StringBuilder(PRELUDE);
        for (String name : names) {
            source.append('\n').append(resource(owner, name));
        }
        return new LuaScript(names[names.length - 1], source.toString());
    }

    public String name() {
        return name;
    }

    /** Runs the script with the prefix, the time and the further arguments. */
    public Object run(UnifiedJedis jedis, String prefix, long nowMillis, Object... args) {
        List<String> argv = new ArrayList<>(args.length + 2);
        argv.add(prefix);
        argv.add(Long.toString(nowMillis));
        for (Object arg : args) {
            argv.add(String.valueOf(arg));
        }
        try {
            return jedis.evalsha(sha, List.of(), argv);
        } catch (JedisNoScriptException e) {
            return jedis.eval(source, List.of(), argv);
        }
    }

    private static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
