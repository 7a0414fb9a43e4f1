package dev.modpipe.review.console;

import dev.modpipe.review.auth.Role;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The caller of a request.
 *
 * @param name the user's configured name
 * @param roles the user's configured roles
 * @param grants every role whose calls the user may make (a role grants itself and, for LEAD and
 *     ADMIN, more)
 */
@Serdeable
public record MeView(String name, List<Role> roles, List<Role> grants) {}
