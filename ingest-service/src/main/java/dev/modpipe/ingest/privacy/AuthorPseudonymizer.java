package dev.modpipe.ingest.privacy;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a platform's raw author id with a keyed hash before anything leaves the service:
 * {@code "a-" + hex(HMAC-SHA-256(key, platform + ":" + rawAuthorId))[0..32]} (128 bits). The same
 * author on the same platform always gets the same pseudonym, so their history can be followed;
 * without the key, the raw id cannot be recovered or confirmed by guessing. The platform is part
 * of the input because author ids are only unique within one platform. Thread-safe.
 */
@Singleton
public final class AuthorPseudonymizer {
    public static final String PREFIX = "a-";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int BYTES = 16;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public AuthorPseudonymizer(PseudonymProperties properties) {
        this.key = new SecretKeySpec(properties.key().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The pseudonym of a raw author id of a platform. */
    public String pseudonymise(String platform, String rawAuthorId) {
        Mac mac = macs.get();
        byte[] digest = mac.doFinal((platform + ":" + rawAuthorId).getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(Arrays.copyOf(digest, BYTES));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot set up " + ALGORITHM, e);
        }
    }
}
