package dev.modpipe.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The JSON Schema of the posts topic, from shared-model: what every written record must match. */
public final class ContractSchema {
    private static final JsonSchema POSTS = load();

    private ContractSchema() {}

    private static JsonSchema load() {
        try (InputStream schema = ContractSchema.class.getResourceAsStream(Topics.POSTS.schemaResource())) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(
                            schema,
                            SchemaValidatorsConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that a record value of the posts topic matches {@code moderation.posts.v1.schema.json}. */
    public static void assertPostEvent(byte[] value) {
        try {
            assertThat(POSTS.validate(EventJson.mapper().readTree(value))).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
