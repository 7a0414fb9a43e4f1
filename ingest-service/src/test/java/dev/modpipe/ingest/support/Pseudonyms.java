package dev.modpipe.ingest.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The documented pseudonym formula, computed independently of the service's code. */
public final class Pseudonyms {
    private Pseudonyms() {}

    /** {@code "a-" + hex(HMAC-SHA-256(key, platform + ":" + rawAuthorId))[0..32]}. */
    public static String expected(String key, String platform, String rawAuthorId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((platform + ":" + rawAuthorId).getBytes(StandardCharsets.UTF_8));
            return "a-" + HexFormat.of().formatHex(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
