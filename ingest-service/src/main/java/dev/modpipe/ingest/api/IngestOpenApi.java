package dev.modpipe.ingest.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The head of the OpenAPI document generated at compile time (micronaut-openapi) into
 * {@code target/classes/META-INF/swagger/ingest-service.yml} and served at
 * {@code /openapi/ingest-service.yml}.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "ingest-service",
                        version = "1",
                        description =
                                "The front door of the moderation pipeline for forum platforms: posts in, PostEvents on"
                                        + " Kafka (moderation.posts.v1). Errors are application/problem+json (RFC 9457).",
                        license = @License(name = "Proprietary")))
@SecurityScheme(
        name = IngestOpenApi.SECURITY_SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The platform's API key: Authorization: Bearer <key>. The key decides the platform.")
public final class IngestOpenApi {
    public static final String SECURITY_SCHEME = "platformApiKey";

    private IngestOpenApi() {}
}
