package dev.modpipe.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.ingest.support.Pseudonyms;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuthorPseudonymizerTest {
    private static final String KEY = "unit-test-pseudonym-key-0123456789abcdef";
    private final AuthorPseudonymizer pseudonymizer = new AuthorPseudonymizer(new PseudonymProperties(KEY));

    @Test
    void shouldFollowTheDocumentedFormula() {
        assertThat(pseudonymizer.pseudonymise("calmspace", "user-42"))
                .isEqualTo(Pseudonyms.expected(KEY, "calmspace", "user-42"))
                .matches("a-[0-9a-f]{32}")
                .doesNotContain("user-42");
    }

    @Test
    void shouldBeStableForAnAuthorAndDifferForAnotherAuthorPlatformOrKey() {
        String pseudonym = pseudonymizer.pseudonymise("calmspace", "user-42");
        AuthorPseudonymizer otherKey =
                new AuthorPseudonymizer(new PseudonymProperties("another-pseudonym-key-0123456789abcdef"));

        assertThat(pseudonymizer.pseudonymise("calmspace", "user-42")).isEqualTo(pseudonym);
        assertThat(pseudonymizer.pseudonymise("calmspace", "user-43")).isNotEqualTo(pseudonym);
        assertThat(pseudonymizer.pseudonymise("mindful", "user-42")).isNotEqualTo(pseudonym);
        assertThat(otherKey.pseudonymise("calmspace", "user-42")).isNotEqualTo(pseudonym);
    }

    @Test
    void shouldGiveTheSameAnswerOnEveryThread() {
        Set<String> answers = IntStream.range(0, 2_000)
                .parallel()
                .mapToObj(i -> pseudonymizer.pseudonymise("calmspace", "user-42"))
                .collect(Collectors.toSet());

        assertThat(answers).containsExactly(Pseudonyms.expected(KEY, "calmspace", "user-42"));
    }
}
