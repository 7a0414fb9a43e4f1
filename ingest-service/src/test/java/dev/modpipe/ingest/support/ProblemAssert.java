package dev.modpipe.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.ingest.support.Http.Reply;

/** What every error answer must look like: RFC 9457 problem+json, no stack trace. */
public final class ProblemAssert {
    private ProblemAssert() {}

    public static void assertProblem(Reply reply, int status, String detailPart) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("https://modpipe.dev/problems/");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(detailPart);
        assertThat(reply.body()).doesNotContain("Exception", "\tat ");
    }
}
