package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostFeatureGeneratorTest {
    private final PostFeatureGenerator generator = new PostFeatureGenerator();

    private Collection<String> features(String text) {
        return generator.extractFeatures(text.split(" "), Map.of());
    }

    @Test
    void shouldGiveAWordItsConceptsAndItsWordClass() {
        assertThat(Concepts.of("pizza")).containsExactly("food");
        assertThat(WordClasses.of("pizza")).isEqualTo("trivial");
        assertThat(Concepts.of("fasting")).containsExactly("restrict");
        assertThat(Concepts.of("weighed")).containsExactly("weigh");
        assertThat(Concepts.of("leaderboards")).containsExactly("contest");
        assertThat(Concepts.of("the")).isEmpty();

        assertThat(features("pizza")).contains("w=pizza", "L=trivial", "K=food");
    }

    @Test
    void shouldPairTheConceptsOfAPostWhereverTheyStand() {
        Collection<String> features =
                features("my mum made a roast and i said i had a big lunch at school so she would not notice");

        assertThat(features)
                .contains("KK=Kconceal+Kfood", "KK=Kfood+Kwatcher", "KK=Kconceal+Kwatcher")
                .contains("KK=1p+Kfood", "KK=3p+neg");
        assertThat(features).filteredOn(f -> f.startsWith("KK=")).doesNotHaveDuplicates();
    }

    @Test
    void shouldGiveThePairsInOneOrderWhateverTheOrderOfTheWords() {
        List<String> a = pairs(features("skipping dinner again , nobody noticed"));
        List<String> b = pairs(features("nobody noticed , again skipping dinner"));

        assertThat(a).isNotEmpty().isEqualTo(b);
        assertThat(a).contains("KK=Kconceal+Kfood", "KK=Kfood+Krestrict", "KK=Kfood+neg");
    }

    @Test
    void shouldGiveNoPairsToAPostWithOneClassOrNone() {
        assertThat(features("tonight")).noneMatch(f -> f.startsWith("KK="));
        assertThat(features("the cat sat")).noneMatch(f -> f.startsWith("KK="));
        assertThat(generator.extractFeatures(new String[] {"#sh.intent", "#lang.other"}, Map.of()))
                .containsExactly(PostFeatureGenerator.BIAS, "#sh.intent", "#lang.other");
    }

    /**
     * OpenNLP's categorizers have no intercept of their own: without a feature every post has, a
     * post of one or two words the models barely know ("meh", "good morning") scored near an even
     * share of the outcomes, which for the self-harm model, learnt as four kinds against one
     * negative, was 0.8.
     */
    @Test
    void shouldGiveEveryPostTheModelsIntercept() {
        assertThat(features("meh")).startsWith(PostFeatureGenerator.BIAS);
        assertThat(generator.extractFeatures(new String[0], Map.of())).containsExactly(PostFeatureGenerator.BIAS);
        assertThat(features("i am not ok tonight"))
                .filteredOn(PostFeatureGenerator.BIAS::equals)
                .hasSize(1);
    }

    private static List<String> pairs(Collection<String> features) {
        return features.stream().filter(f -> f.startsWith("KK=")).toList();
    }
}
