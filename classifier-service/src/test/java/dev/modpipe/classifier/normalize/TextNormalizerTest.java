package dev.modpipe.classifier.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer(Lexicon.of(List.of()));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "i want to k!ll myself|i want to kill myself",
                "thinking about s*icide again|thinking about suicide again",
                "su1cide is on my mind|suicide is on my mind",
                "s u i c i d e|suicide",
                "k.y.s loser|kill yourself loser",
                "i want to diiiie|i want to die",
                "kms tonight|kill myself tonight",
                "gonna unalive|going to kill myself",
                "please unalive yourself|please kill yourself",
                "ctb soon|suicide soon",
                "sewerslide thoughts|suicide thoughts",
                "I'm DONE|i am done",
                "ＳＵＩＣＩＤＥ|suicide",
                "self-harm again|self harm again",
                "the urge to sh|the urge to self harm",
                "3.5mg twice|3.5mg twice",
                "omw ngl tbh|on my way honestly to be honest",
                "kinda mid fr lowkey|kind of mid for real kind of",
                "ok today not gonna lie|ok today honestly",
                "Not going to lie, it was fun|honestly , it was fun",
                "i am not going to lie to her|i am not going to lie to her",
                "hope ur ok x|hope you are ok x",
                "ur so brave|you are so brave",
                "ur not to blame|you are not to blame",
                "ur mum is ugly|your mum is ugly",
                "ur amazing|you are amazing",
                "turn ur face|turn your face",
            })
    void shouldSeeThroughEvasions(String original, String expected) {
        assertThat(normalizer.normalize(original).text().strip()).isEqualTo(expected);
    }

    @Test
    void shouldReadMeaningfulEmojiAsWords() {
        NormalizedText n = normalizer.normalize("goodbye 🔪💊🪦");

        assertThat(n.text().replaceAll("\\s+", " ").strip()).isEqualTo("goodbye knife pills grave");
    }

    @Test
    void shouldMapEveryNormalisedSpanBackToTheOriginalText() {
        String original = "ok so kms tonight, for real";
        NormalizedText n = normalizer.normalize(original);
        int start = n.text().indexOf("kill myself");

        int[] span = n.toOriginal(start, start + "kill myself".length());

        assertThat(original.substring(span[0], span[1])).isEqualTo("kms");
        int t = n.text().indexOf("tonight");
        int[] tonight = n.toOriginal(t, t + "tonight".length());
        assertThat(original.substring(tonight[0], tonight[1])).isEqualTo("tonight");
    }

    @Test
    void shouldSetAPossessiveApartFromItsNounButExpandContractions() {
        String original = "the character’s death. cable's already round my neck, it's fine";
        NormalizedText n = normalizer.normalize(original);

        assertThat(n.text().replaceAll("\\s+", " ").strip())
                .isEqualTo("the character 's death . cable 's already round my neck , it is fine");
        int c = n.text().indexOf("character");
        int[] span = n.toOriginal(c, c + "character".length());
        assertThat(original.substring(span[0], span[1])).startsWith("character");
        assertThat(TextNormalizer.isPossessive("dog's")).isTrue();
        assertThat(TextNormalizer.isPossessive("'s")).isFalse();
        assertThat(TextNormalizer.isPossessive("90's")).isFalse();
    }

    @Test
    void shouldMapUnmaskedWordsToTheMaskedOriginal() {
        String original = "Tw: S*icide talk";
        NormalizedText n = normalizer.normalize(original);
        int s = n.text().indexOf("suicide");

        int[] span = n.toOriginal(s, s + "suicide".length());

        assertThat(original.substring(span[0], span[1])).isEqualTo("S*icide");
    }

    @Test
    void shouldLeaveOrdinaryTextAlone() {
        assertThat(normalizer.normalize("we went to the beach at 5pm").text().strip())
                .isEqualTo("we went to the beach at 5pm");
    }
}
