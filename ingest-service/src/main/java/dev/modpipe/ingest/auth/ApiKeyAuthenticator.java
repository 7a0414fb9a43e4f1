package dev.modpipe.ingest.auth;

import dev.modpipe.ingest.platform.PlatformProperties;
import dev.modpipe.ingest.platform.Platforms;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Finds the platform an API key belongs to. The key is hashed and compared with every configured
 * hash in constant time, so neither the answer's timing nor the configuration reveals a key.
 * Thread-safe.
 */
@Singleton
public final class ApiKeyAuthenticator {
    /** Longer keys are refused before hashing. */
    public static final int MAX_KEY_LENGTH = 512;

    private record KeyHash(String platform, byte[] sha256) {}

    private final List<KeyHash> hashes;

    public ApiKeyAuthenticator(Platforms platforms) {
        List<KeyHash> all = new ArrayList<>();
        for (PlatformProperties platform : platforms.all()) {
            for (String hex : platform.apiKeySha256()) {
                all.add(new KeyHash(platform.name(), HexFormat.of().parseHex(hex)));
            }
        }
        this.hashes = List.copyOf(all);
    }

    /** The platform of the key, or empty when no platform has it. */
    public Optional<String> platformOf(String apiKey) {
        if (apiKey == null || apiKey.isEmpty() || apiKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] presented = ApiKeys.sha256(apiKey);
        String found = null;
        for (KeyHash hash : hashes) {
            if (MessageDigest.isEqual(presented, hash.sha256()) && found == null) {
                found = hash.platform();
            }
        }
        return Optional.ofNullable(found);
    }
}
