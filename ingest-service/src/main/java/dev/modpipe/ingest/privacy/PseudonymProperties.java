package dev.modpipe.ingest.privacy;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The secret that pseudonymises author ids, bound from {@code ingest.pseudonym.*}
 * ({@code INGEST_PSEUDONYM_KEY}). Required: there is no default outside the dev environment.
 *
 * @param key the HMAC-SHA-256 key, at least 32 characters (e.g. {@code openssl rand -base64 32});
 *     changing it changes every author's pseudonym, which cuts the link to their earlier posts
 */
@ConfigurationProperties("ingest.pseudonym")
public record PseudonymProperties(
        @NotBlank(message = "must be set (INGEST_PSEUDONYM_KEY)")
                @Size(min = 32, message = "must be at least 32 characters")
                String key) {

    @Override
    public String toString() {
        return "PseudonymProperties[key=<redacted>]";
    }
}
