package dev.modpipe.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How API keys are stored in configuration: the lower-case hex SHA-256 of the key's UTF-8 bytes. */
public final class ApiKeys {
    private ApiKeys() {}

    /** The hash to configure for a key; the same as {@code printf '%s' KEY | sha256sum}. */
    public static String sha256Hex(String apiKey) {
        return HexFormat.of().formatHex(sha256(apiKey));
    }

    static byte[] sha256(String apiKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
