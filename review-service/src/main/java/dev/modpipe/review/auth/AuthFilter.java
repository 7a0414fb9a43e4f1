package dev.modpipe.review.auth;

import dev.modpipe.review.api.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Authenticates every {@code /v1/**} request by its bearer token (401 otherwise) and enforces the
 * route's {@link RequiresRole} (403 otherwise), both as problem+json. The caller is then available
 * to controllers as the request attribute {@link #CALLER}.
 */
@ServerFilter("/v1/**")
public class AuthFilter {
    public static final String CALLER = "modpipe.review.caller";
    private static final String BEARER = "Bearer ";

    private final Authenticator authenticator;

    public AuthFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty() || !header.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized(request, "Authorization: a bearer token is required");
        }
        Optional<Caller> caller = authenticator.authenticate(
                header.get().substring(BEARER.length()).trim());
        if (caller.isEmpty()) {
            return unauthorized(request, "Authorization: the bearer token is not valid");
        }
        request.setAttribute(CALLER, caller.get());
        Role[] required = RouteAttributes.getRouteMatch(request)
                .flatMap(match -> match.getAnnotationMetadata().enumValues(RequiresRole.class, Role.class).length == 0
                        ? Optional.<Role[]>empty()
                        : Optional.of(match.getAnnotationMetadata().enumValues(RequiresRole.class, Role.class)))
                .orElse(new Role[0]);
        if (required.length > 0 && !caller.get().may(required)) {
            String roles = Arrays.stream(required).map(Enum::name).collect(Collectors.joining(" or "));
            return Problems.response(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "this call needs the role " + roles + " (ADMIN may do everything)",
                    request);
        }
        return null;
    }

    private static HttpResponse<?> unauthorized(HttpRequest<?> request, String detail) {
        return Problems.response(HttpStatus.UNAUTHORIZED, "unauthorized", detail, request)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"review-service\"");
    }
}
