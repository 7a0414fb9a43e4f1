package dev.modpipe.review.console;

import dev.modpipe.review.auth.AuthFilter;
import dev.modpipe.review.auth.Caller;
import dev.modpipe.review.auth.Role;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;

/**
 * "Who am I": the caller of a valid bearer token, so that the console can sign in and show the views
 * the caller's roles allow. Any authenticated user may ask ({@link AuthFilter} answers 401 otherwise).
 */
@Tag(name = "console")
@SecurityRequirement(name = "bearer")
@Controller("/v1/me")
public class MeController {

    /**
     * The caller's name, configured roles and the roles those grant (ADMIN grants every role, LEAD
     * grants MODERATOR).
     *
     * @return the caller
     */
    @Get
    public MeView me(@Parameter(hidden = true) @RequestAttribute(AuthFilter.CALLER) Caller caller) {
        return new MeView(
                caller.name(),
                caller.roles().stream().sorted().toList(),
                Arrays.stream(Role.values()).filter(caller::may).toList());
    }
}
