package dev.modpipe.ingest.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The schema check the API tests rely on does refuse what the contract refuses. */
class ContractSchemaTest {

    @Test
    void shouldPassAContractEventAndRefuseOneWithoutBody() {
        String created = "{\"schemaVersion\":1,\"type\":\"CREATED\",\"platform\":\"calmspace\",\"postId\":\"p-1\","
                + "\"revision\":1,\"authorId\":\"a-1\",\"body\":\"x\",\"receivedAt\":\"2026-11-21T10:00:00Z\"}";

        assertThatCode(() -> ContractSchema.assertPostEvent(created.getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ContractSchema.assertPostEvent(
                        created.replace(",\"body\":\"x\"", "").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssertionError.class);
    }
}
