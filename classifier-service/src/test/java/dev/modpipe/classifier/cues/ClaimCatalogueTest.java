package dev.modpipe.classifier.cues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.classifier.cues.ClaimCatalogue.ClaimHit;
import dev.modpipe.classifier.cues.ClaimCatalogue.Stance;
import dev.modpipe.classifier.engine.FeatureExtractor;
import dev.modpipe.classifier.engine.FeatureExtractor.Stage;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimCatalogueTest {
    private static FeatureExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = FeatureExtractor.fromClasspath();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "the MMR jab is what gave my nephew autism|vaccines_autism|ASSERTED",
                "Vaccines don't cause autism. Stop spreading that.|vaccines_autism|NEGATED",
                "do vaccines cause autism?|vaccines_autism|QUESTION",
                "Myth: vaccines cause autism. Studies of millions of kids found no link.|vaccines_autism|DEBUNKED",
                "just quit your antidepressants cold turkey, your body will detox|stop_meds|ASSERTED",
                "therapy is a scam, save your money|therapy_scam|ASSERTED",
                "celery juice cured my depression, ditch the pills|miracle_cure|ASSERTED",
            })
    void shouldMatchClaimsByMeaningAndReadTheirStance(String text, String claim, Stance stance) {
        List<ClaimHit> hits =
                extractor.extract(text, null, EnumSet.noneOf(Stage.class)).claims();

        assertThat(hits).anySatisfy(h -> {
            assertThat(h.claim().id()).isEqualTo(claim);
            assertThat(h.stance()).isEqualTo(stance);
        });
    }

    @org.junit.jupiter.api.Test
    void aClaimOnAReplysQuotedLineIsThePostBeingAnswered() {
        List<ClaimHit> hits = extractor
                .extract(
                        "> vaccines cause autism\nmy son is autistic and was never vaccinated",
                        null,
                        EnumSet.noneOf(Stage.class))
                .claims();

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.claim().id()).isEqualTo("vaccines_autism");
            assertThat(h.stance()).isEqualTo(Stance.QUOTED);
            assertThat(h.feature()).isEqualTo("#claim|quoted");
        });
    }
}
