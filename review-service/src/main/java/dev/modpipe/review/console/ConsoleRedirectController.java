package dev.modpipe.review.console;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URL;

/**
 * Sends a browser that opens the service's root or {@code /console} to the moderator console at
 * {@code /console/} (the trailing slash matters: the page loads its script and styles relative to
 * it). The router matches {@code /console/} to this route too, so that one answers the page itself.
 */
@Hidden
@Controller
public class ConsoleRedirectController {
    static final String CONSOLE = "/console/";
    private static final String INDEX = "classpath:console/index.html";

    private final ResourceResolver resources;

    public ConsoleRedirectController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get
    public HttpResponse<Void> root() {
        return HttpResponse.seeOther(URI.create(CONSOLE));
    }

    @Get("/console")
    public HttpResponse<?> console(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.seeOther(URI.create(CONSOLE));
        }
        URL index = resources.getResource(INDEX).orElseThrow(() -> new IllegalStateException(INDEX + " is missing"));
        return HttpResponse.ok(new StreamedFile(index)).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
