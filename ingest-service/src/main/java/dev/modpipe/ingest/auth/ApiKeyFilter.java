package dev.modpipe.ingest.auth;

import dev.modpipe.ingest.problem.ProblemType;
import dev.modpipe.ingest.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates every {@code /v1} call by its {@code Authorization: Bearer <api key>} header: the
 * key decides the platform. Anything else is answered 401 before the body is read.
 */
@ServerFilter(ApiKeyFilter.PATTERN)
public final class ApiKeyFilter {
    public static final String PATTERN = "/v1/**";
    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator authenticator;
    private final Problems problems;

    public ApiKeyFilter(ApiKeyAuthenticator authenticator, Problems problems) {
        this.authenticator = authenticator;
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty()) {
            return unauthorized(request, "Authorization header is required: Bearer <platform API key>");
        }
        String value = header.get().trim();
        if (value.equalsIgnoreCase(BEARER.trim())) {
            return unauthorized(request, "Authorization header carries no API key");
        }
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized(request, "Authorization header must use the Bearer scheme");
        }
        Optional<String> platform =
                authenticator.platformOf(value.substring(BEARER.length()).trim());
        if (platform.isEmpty()) {
            return unauthorized(request, "Authorization header carries an unknown API key");
        }
        request.setAttribute(AuthenticatedPlatform.ATTRIBUTE, platform.get());
        return null;
    }

    private HttpResponse<?> unauthorized(HttpRequest<?> request, String detail) {
        return problems.response(request, ProblemType.UNAUTHORIZED, detail, List.of(), null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ingest\"");
    }
}
