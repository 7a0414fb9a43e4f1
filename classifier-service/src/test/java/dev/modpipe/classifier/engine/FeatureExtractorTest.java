package dev.modpipe.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.classifier.cues.CueHit;
import dev.modpipe.classifier.cues.CueRule;
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

    @Test
    void emojiMoodsAreFeaturesAndLeaveTheTextAlone() {
        var plain = extractor.extract("if u eat my chips again ur dead", null, EnumSet.noneOf(Stage.class));
        var withEmoji =
                extractor.extract("if u eat my chips again ur dead 😂😂 love u ❤️", null, EnumSet.noneOf(Stage.class));

        assertThat(Arrays.asList(withEmoji.document()))
                .containsOnlyOnce("#emo.laugh")
                .contains("#emo.love")
                .doesNotContain("#emo.sad", "😂");
        assertThat(Arrays.asList(plain.document())).noneMatch(t -> t.startsWith("#emo."));
        // the cues read the same words with or without the emoji
        assertThat(withEmoji.cues())
                .extracting(CueHit::feature)
                .containsAll(plain.cues().stream().map(CueHit::feature).toList());
        // an emoji that names a thing is read as its word, not as a mood
        assertThat(document("🔪 tonight")).contains("knife").noneMatch(t -> t.startsWith("#emo."));
    }

    @Test
    void theLinesOfAReplyThatQuoteAnotherPostAreSomeoneElses() {
        var reply = extractor.extract(
                "> i want to kill myself tonight\nyou are not alone, please call your local crisis line",
                null,
                EnumSet.noneOf(Stage.class));

        assertThat(Arrays.asList(reply.document()))
                .contains("q:kill", "q:tonight", "alone", "crisis")
                .doesNotContain("kill", "tonight");
        // the quoted crisis words are cues, but not the author's: none of them is active
        assertThat(reply.cues())
                .filteredOn(h -> h.rule().kind() != CueRule.Kind.MITIGATE)
                .isNotEmpty()
                .allMatch(h -> h.context() == CueHit.Context.QUOTED);
    }

    @Test
    void aPostOfNothingButQuotedLinesIsTheAuthorsOwn() {
        var story = extractor.extract("> be me\n> want to kill myself tonight", null, EnumSet.noneOf(Stage.class));

        assertThat(Arrays.asList(story.document())).contains("kill", "tonight").noneMatch(t -> t.startsWith("q:"));
        assertThat(story.cues()).anyMatch(CueHit::active);
    }

    private static final String ORDINARY_WEEK =
            "Work has been a lot this month and my manager keeps moving the deadlines around. "
                    + "My sister came over on Saturday and we walked along the river to the market, "
                    + "bought some cheese and a plant for the kitchen windowsill. The cat is fine, "
                    + "still knocking things off the shelf at three in the morning. I tried to get back "
                    + "into running but my knee is playing up again. ";

    @Test
    void aLongPostIsAlsoReadInOverlappingPassagesThatKeepTheirOwnHits() {
        String text =
                ORDINARY_WEEK + "I have saved up the pills and I am going to take them all tonight. " + ORDINARY_WEEK;
        PostFeatures f = extractor.extract(text, null, EnumSet.noneOf(Stage.class));
        long words = Arrays.stream(f.document()).filter(t -> !t.startsWith("#")).count();

        assertThat(words).isGreaterThan(FeatureExtractor.LONG_POST_WORDS);
        List<String[]> passages = f.passages().stream().map(Passage::document).toList();
        // a passage every PASSAGE_STRIDE words, the last one reaching the end of the post
        assertThat(passages)
                .hasSize((int) Math.ceil(
                                (words - FeatureExtractor.PASSAGE_WORDS) / (double) FeatureExtractor.PASSAGE_STRIDE)
                        + 1);
        for (String[] passage : passages) {
            assertThat(Arrays.stream(passage).filter(t -> !t.startsWith("#")).count())
                    .isLessThanOrEqualTo(FeatureExtractor.PASSAGE_WORDS);
        }
        assertThat(passages.get(0)).startsWith("work", "has", "been");
        assertThat(passages.get(passages.size() - 1)).contains("knee", "playing");
        // the plan's words and its cues are together in a passage; a passage far from it has
        // neither
        assertThat(passages).anySatisfy(p -> assertThat(p).contains("pills", "tonight", "#sh.timeline"));
        assertThat(passages.get(0)).doesNotContain("pills", "tonight", "#sh.timeline");
        // and the whole post's document is what it always was
        assertThat(f.document()).contains("pills", "cheese", "#sh.timeline");
    }

    @Test
    void aPostOfOrdinaryLengthHasNoPassages() {
        assertThat(extractor
                        .extract(ORDINARY_WEEK, null, EnumSet.noneOf(Stage.class))
                        .passages())
                .isEmpty();
    }
}
