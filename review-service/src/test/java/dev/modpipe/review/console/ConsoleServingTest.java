package dev.modpipe.review.console;

import static dev.modpipe.review.support.ReviewApp.ADMIN;
import static dev.modpipe.review.support.ReviewApp.LEAD;
import static dev.modpipe.review.support.ReviewApp.MOD_A;
import static dev.modpipe.review.support.ReviewApp.ONCALL;
import static dev.modpipe.review.support.ReviewApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.infra.SharedInfra;
import dev.modpipe.review.support.ReviewApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console as the server delivers it, without a browser: the static pages from the jar with their
 * security headers, the redirects to them, and "who am I" for signing in.
 */
class ConsoleServingTest {
    private static ReviewApp app;

    @BeforeAll
    static void start() {
        app = ReviewApp.start(ReviewApp.properties(SharedInfra.redisUrl(), SharedInfra.kafkaBootstrapServers()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void shouldTellEachUserWhoTheyAreAndWhatTheirRolesGrant() {
        JsonNode moderator = json(app.get("/v1/me", MOD_A));
        assertThat(moderator.get("name").asText()).isEqualTo(MOD_A);
        assertThat(strings(moderator.get("roles"))).containsExactly("MODERATOR");
        assertThat(strings(moderator.get("grants"))).containsExactly("MODERATOR");

        assertThat(strings(json(app.get("/v1/me", LEAD)).get("grants"))).containsExactly("MODERATOR", "LEAD");
        assertThat(strings(json(app.get("/v1/me", ONCALL)).get("grants"))).containsExactly("ONCALL");
        JsonNode admin = json(app.get("/v1/me", ADMIN));
        assertThat(strings(admin.get("roles"))).containsExactly("ADMIN");
        assertThat(strings(admin.get("grants"))).containsExactly("MODERATOR", "LEAD", "ONCALL", "ADMIN");
    }

    @Test
    void shouldRefuseWhoAmIWithoutAValidToken() {
        HttpResponse<String> none = app.get("/v1/me", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        HttpResponse<String> wrong = ReviewApp.send(HttpRequest.newBuilder(URI.create(app.server.getURL() + "/v1/me"))
                .header("Authorization", "Bearer not-a-token"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("detail").asText()).contains("not valid");
    }

    @Test
    void shouldServeTheConsoleFromTheJarWithoutAToken() {
        HttpResponse<String> page = app.get("/console/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Moderator console", "console.js", "console.css");
        // scripts and requests only from this origin, and no inline script the policy would block
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "connect-src 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=\"");

        HttpResponse<String> script = app.get("/console/console.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).contains("javascript"));
        assertThat(script.body()).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
        assertThat(app.get("/console/console.css", null).headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/css"));
        assertThat(app.get("/console/missing.js", null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRedirectTheRootAndTheBareConsolePathToTheConsole() {
        for (String path : List.of("/", "/console")) {
            HttpResponse<String> answer = app.get(path, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(path).hasValue("/console/");
        }
    }
}
