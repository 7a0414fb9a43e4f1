package dev.modpipe.ingest.auth;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** The platform {@link ApiKeyFilter} authenticated, kept as a request attribute. */
public final class AuthenticatedPlatform {
    /** The request attribute holding the platform name. */
    public static final String ATTRIBUTE = "modpipe.ingest.platform";

    private AuthenticatedPlatform() {}

    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }
}
