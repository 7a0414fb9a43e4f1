package dev.modpipe.review;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts review-service. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "review-service",
                        version = "1",
                        description =
                                "The moderators' risk-ordered review queue, decisions, audit log and crisis alerts. "
                                        + "Errors are application/problem+json (RFC 9457)."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class ReviewApplication {
    private ReviewApplication() {}

    public static void main(String[] args) {
        Micronaut.run(ReviewApplication.class, args);
    }
}
