package dev.modpipe.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.classifier.engine.FeatureExtractor.Stage;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
    private static FeatureExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = FeatureExtractor.fromClasspath();
    }

    private static List<String> document(String text) {
        return Arrays.asList(
                extractor.extract(text, null, EnumSet.noneOf(Stage.class)).document());
    }

    @Test
    void wordsBetweenPairedQuotationMarksAreSomeoneElses() {
        List<String> doc =
                document("Block and report anyone who DMs you \"send me a gift card and I can help\" please.");

        assertThat(doc).contains("q:gift", "q:card", "block", "report", "please");
        assertThat(doc).doesNotContain("gift", "card", "\"");
    }

    @Test
    void anOddNumberOfMarksQuotesNothing() {
        List<String> doc = document("my friends' dog is called \"biscuit and he is lovely");

        assertThat(doc).contains("biscuit", "lovely");
        assertThat(doc).noneMatch(t -> t.startsWith("q:"));
    }

    @Test
    void singleMarksPairWithSingleMarksOnly() {
        List<String> doc = document("my mum's friend said 'you will be fine' and my sisters' cat agreed \"ok\"");

        assertThat(doc).contains("q:ok", "friend", "cat", "agreed");
        // three single marks (an apostrophe among them): none of them quotes
        assertThat(doc).contains("fine").doesNotContain("q:fine");
    }

    @Test
    void aPostWithoutQuotesKeepsItsWords() {
        assertThat(document("going for a walk with my sister tonight"))
                .contains("walk", "sister", "tonight")
                .noneMatch(t -> t.startsWith("q:"));
    }
}
