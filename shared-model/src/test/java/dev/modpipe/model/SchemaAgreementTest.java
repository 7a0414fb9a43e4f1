package dev.modpipe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON Schemas and the records describe the same contract: every valid example passes both,
 * survives a round trip through the record unchanged in meaning, and every invalid example is
 * refused by both.
 */
class SchemaAgreementTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    @TestFactory
    Stream<DynamicTest> validExamplesPassSchemaAndRecordAndRoundTrip() {
        return eventTopics().flatMap(topic -> examples(topic, "valid")
                .map(file -> DynamicTest.dynamicTest(topic.defaultName() + " accepts " + file.getFileName(), () -> {
                    byte[] json = Files.readAllBytes(file);
                    assertThat(errors(topic, json)).isEmpty();

                    Object event = EventJson.read(json, topic.valueType());
                    byte[] written = EventJson.write(event);

                    assertThat(errors(topic, written)).isEmpty();
                    assertThat(EventJson.read(written, topic.valueType())).isEqualTo(event);
                })));
    }

    @TestFactory
    Stream<DynamicTest> invalidExamplesAreRefusedBySchemaAndRecord() {
        return eventTopics().flatMap(topic -> examples(topic, "invalid")
                .map(file -> DynamicTest.dynamicTest(topic.defaultName() + " refuses " + file.getFileName(), () -> {
                    byte[] json = Files.readAllBytes(file);
                    assertThat(errors(topic, json)).as("schema errors").isNotEmpty();
                    assertThatThrownBy(() -> EventJson.read(json, topic.valueType()))
                            .isInstanceOf(InvalidEventException.class);
                })));
    }

    @Test
    void everyEventTopicHasASchemaAndExamplesOfBothKinds() {
        assertThat(eventTopics()).hasSize(4);
        eventTopics().forEach(topic -> {
            assertThat(SchemaAgreementTest.class.getResource(topic.schemaResource()))
                    .as(topic.schemaResource())
                    .isNotNull();
            assertThat(examples(topic, "valid")).isNotEmpty();
            assertThat(examples(topic, "invalid")).isNotEmpty();
        });
    }

    private static Stream<Topic<?>> eventTopics() {
        return Topics.ALL.stream().filter(t -> t.schemaResource() != null);
    }

    private static Set<ValidationMessage> errors(Topic<?> topic, byte[] json) throws IOException {
        try (InputStream schema = SchemaAgreementTest.class.getResourceAsStream(topic.schemaResource())) {
            JsonSchema validator = FACTORY.getSchema(schema, CONFIG);
            JsonNode node = EventJson.mapper().readTree(json);
            return validator.validate(node);
        }
    }

    private static Stream<Path> examples(Topic<?> topic, String kind) {
        try {
            Path dir = Path.of(SchemaAgreementTest.class
                    .getResource("/examples/" + topic.defaultName() + "/" + kind)
                    .toURI());
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> sorted = files.sorted().toList();
                return sorted.stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
