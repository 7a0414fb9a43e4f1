package dev.modpipe.review.auth;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.Set;

/**
 * One user of the review API, configured under {@code review.auth.users.<name>}: the SHA-256 hash
 * (hex) of their bearer token, never the token itself, and their roles. {@code TokenHash} prints
 * the hash of a token.
 */
@EachProperty("review.auth.users")
public record UserConfig(
        @Parameter String name,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the SHA-256 hex of a token")
                String tokenSha256,
        @NotEmpty Set<Role> roles) {}
