package dev.modpipe.ingest.auth;

/**
 * The local-run credentials of the contract, configured in {@code application-dev.yml} only. They
 * are public, so {@link DevCredentialsGuard} refuses to start any other environment that has them.
 */
public final class DevCredentials {
    /** The Micronaut environment of the local run. */
    public static final String ENVIRONMENT = "dev";

    /** The dev platform. */
    public static final String PLATFORM = "demo";

    /** SHA-256 of the dev API key {@code demo-key}. */
    public static final String API_KEY_SHA256 = "c48a01f49fd0f2cc404bc3cbbc80e91457a3d41bb429a695243de4c61794155c";

    /** The dev HMAC key that pseudonymises author ids. */
    public static final String PSEUDONYM_KEY = "modpipe-dev-only-pseudonym-key-not-a-secret";

    private DevCredentials() {}
}
