package dev.modpipe.review.console;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Hardens the console's static pages: scripts, styles and requests only from this origin (so even a
 * rendering mistake cannot run a post's text as script or send it elsewhere), no framing, no
 * referrer, no content sniffing, and revalidation so a new release is picked up.
 */
@ServerFilter("/console/**")
public class ConsoleHeadersFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @ResponseFilter
    public void harden(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("X-Frame-Options", "DENY");
        response.header("Cache-Control", "no-cache");
    }
}
