package dev.modpipe.ingest.api;

import static dev.modpipe.ingest.support.ProblemAssert.assertProblem;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE_KEY;
import static dev.modpipe.ingest.support.TestPlatforms.THROTTLED_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.ingest.support.Http;
import dev.modpipe.ingest.support.Http.Reply;
import dev.modpipe.ingest.support.Infra;
import dev.modpipe.ingest.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error class of the contract, each an {@code application/problem+json} answer naming the
 * field, never a 5xx, and never a record on the topic.
 */
@MicronautTest
class ErrorAnswersTest extends ServiceTest {
    private static final String VALID = "{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"x\"}";

    ErrorAnswersTest() {
        super("errors");
    }

    @AfterAll
    void nothingWasWritten() {
        // Only the rate-limit test writes (the posts that exhaust the bucket), under its own platform.
        assertThat(topic().readToEnd()).allSatisfy(r -> assertThat(r.key()).startsWith("throttled:"));
    }

    @Test
    void shouldAnswer401WithoutAnAuthorizationHeader() {
        Reply reply = http.post("/v1/posts", null, VALID);

        assertProblem(reply, 401, "Authorization header is required");
        assertThat(reply.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void shouldAnswer401ForAnUnknownKey() {
        assertProblem(http.post("/v1/posts", "not-a-key", VALID), 401, "unknown API key");
        assertProblem(http.post("/v1/posts", CALMSPACE_KEY + "x", VALID), 401, "unknown API key");
    }

    @Test
    void shouldAnswer401ForAnotherSchemeOrAnEmptyKey() {
        HttpRequest basic = HttpRequest.newBuilder(server.getURI().resolve("/v1/posts"))
                .header("Authorization", "Basic Y2FsbXNwYWNlOnRlc3Q=")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VALID))
                .build();
        assertProblem(http.send(basic), 401, "Bearer scheme");
        assertProblem(http.post("/v1/posts", "", VALID), 401, "no API key");
    }

    @Test
    void shouldAnswer401BeforeLookingAtTheBodyOfEveryCall() {
        assertProblem(http.put("/v1/posts/p-1", null, VALID), 401, "Authorization");
        assertProblem(http.delete("/v1/posts/p-1", null), 401, "Authorization");
        assertProblem(http.post("/v1/posts/batch", null, "{\"posts\":[]}"), 401, "Authorization");
    }

    @Test
    void shouldAnswer415ForABodyThatIsNotDeclaredJson() {
        byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
        assertProblem(http.send("POST", "/v1/posts", CALMSPACE_KEY, "text/plain", body), 415, "application/json");
        assertProblem(
                http.send("POST", "/v1/posts", CALMSPACE_KEY, "application/x-www-form-urlencoded", body),
                415,
                "application/json");
        assertProblem(http.send("POST", "/v1/posts", CALMSPACE_KEY, null, body), 415, "Content-Type is required");
        assertProblem(
                http.send("POST", "/v1/posts", CALMSPACE_KEY, "application/json; charset=iso-8859-1", body),
                415,
                "utf-8");
        assertProblem(
                http.send("PUT", "/v1/posts/p-1", CALMSPACE_KEY, "application/xml", body), 415, "application/json");
        assertProblem(http.send("POST", "/v1/posts/batch", CALMSPACE_KEY, "text/csv", body), 415, "application/json");
    }

    @Test
    void shouldAcceptJsonDeclaredWithTheUtf8Charset() {
        Reply reply = http.send(
                "POST",
                "/v1/posts",
                CALMSPACE_KEY,
                "application/json; charset=UTF-8",
                "{\"postId\":\"p-utf8\",\"authorId\":\"u\",\"body\":\"x\",\"platform\":\"nope\"}"
                        .getBytes(StandardCharsets.UTF_8));

        // Read and validated as JSON (then refused for the platform claim, so nothing is written)
        assertProblem(reply, 403, "platform 'nope'");
    }

    @Test
    void shouldAnswer413ForAFiveMegabyteBody() {
        byte[] huge = hugeJson(5 * 1024 * 1024);

        assertProblem(http.send("POST", "/v1/posts", CALMSPACE_KEY, Http.JSON, huge), 413, "larger");
        assertProblem(http.send("POST", "/v1/posts/batch", CALMSPACE_KEY, Http.JSON, huge), 413, "larger");
        assertProblem(http.send("PUT", "/v1/posts/p-1", CALMSPACE_KEY, Http.JSON, huge), 413, "larger");
    }

    @Test
    void shouldAnswer413ForAFiveMegabyteBodySentInChunks() {
        byte[] huge = hugeJson(5 * 1024 * 1024);
        HttpRequest chunked = HttpRequest.newBuilder(server.getURI().resolve("/v1/posts"))
                .header("Authorization", "Bearer " + CALMSPACE_KEY)
                .header("Content-Type", Http.JSON)
                .timeout(Duration.ofSeconds(30))
                // An input stream has no known length, so the JDK client sends it chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();

        assertProblem(http.send(chunked), 413, "larger");
    }

    @Test
    void shouldAnswer413ForASinglePostLargerThanItsLimit() {
        byte[] body = hugeJson(300 * 1024);

        assertProblem(http.send("POST", "/v1/posts", CALMSPACE_KEY, Http.JSON, body), 413, "at most 262144");
    }

    static Stream<Arguments> badBodies() {
        String deep = "{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"x\",\"x\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}";
        String deepUnclosed = "{\"x\":" + "[".repeat(200_000);
        byte[] invalidUtf8 = concat(
                "{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                "\"}".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("empty", new byte[0], "body", "is required"),
                Arguments.of("truncated", bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"bo"), "body", "truncated"),
                Arguments.of("not json", bytes("hello there"), "body", "is not valid JSON"),
                Arguments.of("trailing garbage", bytes(VALID + " {}"), "body", "is not valid JSON"),
                Arguments.of("json array", bytes("[1,2,3]"), "body", "must be a JSON object"),
                Arguments.of("json string", bytes("\"post\""), "body", "must be a JSON object"),
                Arguments.of("json null", bytes("null"), "body", "must be a JSON object"),
                Arguments.of("deeply nested", bytes(deep), "body", "nested deeper than 32"),
                Arguments.of("deeply nested, unclosed", bytes(deepUnclosed), "body", "nested deeper than 32"),
                Arguments.of("invalid UTF-8", invalidUtf8, "body", "is not valid UTF-8"),
                Arguments.of(
                        "lone surrogate",
                        bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"\\ud800\"}"),
                        "body",
                        "unpaired UTF-16 surrogate"),
                Arguments.of(
                        "duplicate field",
                        bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"x\",\"body\":\"y\"}"),
                        "body",
                        "duplicate field"),
                Arguments.of("missing body", bytes("{\"postId\":\"p-1\",\"authorId\":\"u\"}"), "body", "is required"),
                Arguments.of(
                        "blank body",
                        bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"   \"}"),
                        "body",
                        "is required"),
                Arguments.of(
                        "body too long",
                        bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"" + "x".repeat(20_001) + "\"}"),
                        "body",
                        "at most 20000 characters"),
                Arguments.of(
                        "title too long",
                        bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"x\",\"title\":\"" + "t".repeat(301)
                                + "\"}"),
                        "title",
                        "at most 300 characters"),
                Arguments.of("missing postId", bytes("{\"authorId\":\"u\",\"body\":\"x\"}"), "postId", "is required"),
                Arguments.of(
                        "bad postId",
                        bytes("{\"postId\":\"has space\",\"authorId\":\"u\",\"body\":\"x\"}"),
                        "postId",
                        "must match"),
                Arguments.of(
                        "missing authorId", bytes("{\"postId\":\"p-1\",\"body\":\"x\"}"), "authorId", "is required"),
                Arguments.of(
                        "revision as text",
                        bytes("{\"postId\":\"p-1\",\"revision\":\"2\",\"authorId\":\"u\",\"body\":\"x\"}"),
                        "revision",
                        "must be an integer"),
                Arguments.of(
                        "revision fractional",
                        bytes("{\"postId\":\"p-1\",\"revision\":2.5,\"authorId\":\"u\",\"body\":\"x\"}"),
                        "revision",
                        "must be an integer"),
                Arguments.of(
                        "revision zero",
                        bytes("{\"postId\":\"p-1\",\"revision\":0,\"authorId\":\"u\",\"body\":\"x\"}"),
                        "revision",
                        "must be at least 1"),
                Arguments.of(
                        "revision huge",
                        bytes("{\"postId\":\"p-1\",\"revision\":99999999999,\"authorId\":\"u\",\"body\":\"x\"}"),
                        "revision",
                        "out of range"),
                Arguments.of(
                        "number too long",
                        bytes("{\"postId\":\"p-1\",\"revision\":1" + "0".repeat(2000)
                                + ",\"authorId\":\"u\",\"body\":\"x\"}"),
                        "body",
                        "exceeds a JSON limit"),
                Arguments.of(
                        "body as object",
                        bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":{\"text\":\"x\"}}"),
                        "body",
                        "must be a string"),
                Arguments.of(
                        "body as array",
                        bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":[\"x\"]}"),
                        "body",
                        "must be a string"),
                Arguments.of(
                        "postId as number",
                        bytes("{\"postId\":123,\"authorId\":\"u\",\"body\":\"x\"}"),
                        "postId",
                        "must be a string"),
                Arguments.of(
                        "title as boolean",
                        bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"x\",\"title\":true}"),
                        "title",
                        "must be a string"),
                Arguments.of(
                        "createdAt as epoch seconds",
                        bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"x\",\"createdAt\":1700000000}"),
                        "createdAt",
                        "ISO-8601"),
                Arguments.of(
                        "createdAt not a time",
                        bytes("{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"x\",\"createdAt\":\"yesterday\"}"),
                        "createdAt",
                        "ISO-8601"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void shouldAnswer400NamingTheFieldForBadInputOfAnyShape(String name, byte[] body, String field, String detail) {
        Reply reply = http.send("POST", "/v1/posts", CALMSPACE_KEY, Http.JSON, body);

        assertProblem(reply, 400, detail);
        assertThat(reply.json().get("detail").asText()).startsWith(field + " ");
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    @Test
    void shouldNameEveryBrokenRuleAtOnce() {
        Reply reply = http.post(
                "/v1/posts", CALMSPACE_KEY, "{\"postId\":\"\",\"revision\":0,\"title\":\"" + "t".repeat(301) + "\"}");

        assertProblem(reply, 400, "authorId is required");
        assertThat(reply.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("authorId", "body", "postId", "revision", "title");
    }

    @Test
    void shouldAnswer404AsAProblem() {
        assertProblem(http.get("/nothing-here"), 404, "no resource at /nothing-here");
        assertProblem(http.send("GET", "/v1/nothing", CALMSPACE_KEY, null, null), 404, "/v1/nothing");
    }

    @Test
    void shouldAnswer405AsAProblem() {
        assertProblem(http.send("GET", "/v1/posts", CALMSPACE_KEY, null, null), 405, "method GET is not allowed");
        assertProblem(http.send("PATCH", "/v1/posts/p-1", CALMSPACE_KEY, Http.JSON, bytes(VALID)), 405, "PATCH");
        assertProblem(http.send("POST", "/health", null, Http.JSON, bytes("{}")), 405, "POST");
    }

    @Test
    void shouldAnswerAProblemEvenToABrowser() {
        HttpRequest browser = HttpRequest.newBuilder(server.getURI().resolve("/nothing-here"))
                .header("Accept", "text/html")
                .GET()
                .build();

        assertProblem(http.send(browser), 404, "no resource");
    }

    @Test
    void shouldAnswer429WithRetryAfterOverThePlatformRateLimit() {
        // Given the throttled platform (1 post per second, bursts of 2) has spent its burst
        int accepted = 0;
        Reply reply = null;
        for (int i = 0; i < 10 && (reply == null || reply.status() == 202); i++) {
            reply = http.post(
                    "/v1/posts",
                    THROTTLED_KEY,
                    "{\"postId\":\"%s\",\"authorId\":\"u\",\"body\":\"x\"}".formatted(Infra.uniquePostId()));
            if (reply.status() == 202) {
                accepted++;
            }
        }

        // Then the next post is refused with 429 and told when to come back
        assertThat(accepted).isBetween(2, 4);
        assertProblem(reply, 429, "1 posts per second");
        assertThat(reply.header("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
    }

    @Test
    void shouldNeverAnswer5xxForGarbageOnAnyRoute() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        for (String[] call :
                new String[][] {{"POST", "/v1/posts"}, {"PUT", "/v1/posts/p-1"}, {"POST", "/v1/posts/batch"}}) {
            Reply reply = http.send(call[0], call[1], CALMSPACE_KEY, Http.JSON, garbage);
            assertThat(reply.status()).as(call[0] + " " + call[1] + " " + reply).isLessThan(500);
            assertThat(reply.contentType())
                    .as(reply.toString())
                    .startsWith(reply.status() >= 400 ? "application/problem+json" : "application/json");
        }
    }

    private static byte[] hugeJson(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        byte[] head = "{\"postId\":\"p-1\",\"authorId\":\"u\",\"body\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
