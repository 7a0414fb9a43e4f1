package dev.modpipe.ingest.support;

/** The test credentials of application-test.yml (their SHA-256 hashes are configured there). */
public final class TestPlatforms {
    public static final String CALMSPACE = "calmspace";
    public static final String CALMSPACE_KEY = "calmspace-test-key";
    public static final String MINDFUL = "mindful";
    public static final String MINDFUL_KEY = "mindful-test-key";
    /** One post per second, bursts of two. */
    public static final String THROTTLED = "throttled";

    public static final String THROTTLED_KEY = "throttled-test-key";
    /** The HMAC key of application-test.yml. */
    public static final String PSEUDONYM_KEY = "test-pseudonym-key-0123456789abcdef0123456789";

    private TestPlatforms() {}
}
