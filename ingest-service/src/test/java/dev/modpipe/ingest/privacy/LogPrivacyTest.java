package dev.modpipe.ingest.privacy;

import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.modpipe.ingest.support.Http;
import dev.modpipe.ingest.support.Infra;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** No log line, at any level, carries post text, a title or a raw author id. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogPrivacyTest implements TestPropertyProvider {
    private static final String TEXT = "secret-body-words-4711";
    private static final String TITLE = "secret-title-words-4712";
    private static final String AUTHOR = "raw-author-id-4713";

    @Inject
    EmbeddedServer server;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private ch.qos.logback.classic.Level level;

    @Override
    public Map<String, String> getProperties() {
        return Infra.shared(Infra.uniqueTopic("log-privacy"));
    }

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.TRACE);
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(level);
    }

    @Test
    void shouldLogNeitherTextNorTitleNorRawAuthorIdWhateverHappensToAPost() {
        Http http = new Http(server.getURI());
        String postId = Infra.uniquePostId();
        String post = "{\"postId\":\"%s\",\"authorId\":\"%s\",\"title\":\"%s\",\"body\":\"%s\"}"
                .formatted(postId, AUTHOR, TITLE, TEXT);

        // Accepted, duplicate, edited, invalid in several ways, batch, deleted
        assertThat(http.post("/v1/posts", CALMSPACE_KEY, post).status()).isEqualTo(202);
        assertThat(http.post("/v1/posts", CALMSPACE_KEY, post).status()).isEqualTo(202);
        http.put(
                "/v1/posts/" + postId,
                CALMSPACE_KEY,
                "{\"revision\":2,\"authorId\":\"%s\",\"body\":\"%s\"}".formatted(AUTHOR, TEXT));
        http.post(
                "/v1/posts",
                CALMSPACE_KEY,
                "{\"postId\":\"bad id\",\"authorId\":\"%s\",\"title\":\"%s\",\"body\":%s}"
                        .formatted(AUTHOR, TITLE, "{\"x\":\"" + TEXT + "\"}"));
        http.post(
                "/v1/posts",
                CALMSPACE_KEY,
                "{\"postId\":\"p-2\",\"authorId\":\"%s\",\"body\":\"%s".formatted(AUTHOR, TEXT));
        http.post("/v1/posts", CALMSPACE_KEY, TEXT + " " + AUTHOR);
        http.post(
                "/v1/posts/batch",
                CALMSPACE_KEY,
                "{\"posts\":[" + post.replace(postId, Infra.uniquePostId()) + ",{\"authorId\":\"" + AUTHOR
                        + "\",\"body\":\"" + TEXT + "\"}]}");
        http.post("/v1/posts", "no-such-key", post);
        http.delete("/v1/posts/" + postId, CALMSPACE_KEY);

        // background threads (the Kafka client logs at TRACE) keep appending: read a snapshot taken
        // under the appender's own lock (AppenderBase.doAppend is synchronized on it)
        List<ILoggingEvent> events;
        synchronized (captured) {
            events = new ArrayList<>(captured.list);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events) {
            lines.add(event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                event.getKeyValuePairs().forEach(kv -> lines.add(kv.key + "=" + kv.value));
            }
            if (event.getThrowableProxy() != null) {
                lines.add(event.getThrowableProxy().getMessage());
            }
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines)
                .noneMatch(
                        line -> line != null && (line.contains(TEXT) || line.contains(TITLE) || line.contains(AUTHOR)));
    }
}
