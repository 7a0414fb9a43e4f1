package dev.modpipe.review.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 hashes of bearer tokens, as configured in {@code review.auth.users.*.token-sha256}. Run as
 * a command line to hash a token: {@code java -cp review-service.jar
 * dev.modpipe.review.auth.TokenHash <token>}.
 */
public final class TokenHash {
    private TokenHash() {}

    public static String of(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String hex) {
        return hex.toLowerCase(Locale.ROOT);
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: TokenHash <token>");
            System.exit(2);
        }
        System.out.println(of(args[0]));
    }
}
