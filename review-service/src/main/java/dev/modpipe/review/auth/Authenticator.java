package dev.modpipe.review.auth;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves bearer tokens to users. Only hashes are kept: a presented token is hashed and looked up,
 * then compared in constant time. Thread-safe.
 */
@Singleton
public class Authenticator {
    private final Map<String, UserConfig> byHash = new HashMap<>();

    public Authenticator(List<UserConfig> users) {
        for (UserConfig user : users) {
            UserConfig previous = byHash.put(TokenHash.normalise(user.tokenSha256()), user);
            if (previous != null) {
                throw new IllegalStateException("users " + previous.name() + " and " + user.name() + " share a token");
            }
        }
    }

    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = TokenHash.of(token);
        UserConfig user = byHash.get(hash);
        if (user == null
                || !MessageDigest.isEqual(
                        hash.getBytes(StandardCharsets.US_ASCII),
                        TokenHash.normalise(user.tokenSha256()).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new Caller(user.name(), user.roles()));
    }

    /** Whether any configured user has one of these token hashes. */
    public boolean hasAnyHash(List<String> hashes) {
        return hashes.stream().map(TokenHash::normalise).anyMatch(byHash::containsKey);
    }

    public int userCount() {
        return byHash.size();
    }
}
