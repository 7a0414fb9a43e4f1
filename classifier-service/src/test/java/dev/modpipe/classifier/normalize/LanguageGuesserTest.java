package dev.modpipe.classifier.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guesser with OpenNLP's real language detector. */
class LanguageGuesserTest {
    private static LanguageGuesser guesser;

    @BeforeAll
    static void load() {
        guesser = LanguageGuesser.fromClasspath();
    }

    private static String guess(String text) {
        return guesser.guess(text, text, null);
    }

    @Test
    void shouldKeepTerseEnglishThatTheDetectorCannotTellApartInEnglish() {
        // the detector's first choice for these is Volapük, Tagalog or Afrikaans, with English a
        // hair behind
        for (String text : new String[] {
            "bridge. now. sorry.",
            "💊💊💊💊 done. no going back",
            "took 2 packs 15 min ago. no ambulance pls",
            "go sulk somewhere else"
        }) {
            assertThat(guess(text)).as(text).isEqualTo(LanguageGuesser.ENGLISH);
        }
    }

    @Test
    void shouldStillTellOtherLanguages() {
        assertThat(guess("quiero morir esta noche, ya no puedo más con todo esto"))
                .isEqualTo("es");
        assertThat(guess("je veux mourir, personne ne remarquerait si je disparaissais"))
                .isEqualTo("fr");
        assertThat(guess("ich will nicht mehr leben. heute nacht mache ich schluss"))
                .isEqualTo("de");
        assertThat(guess("voglio morire, stanotte la faccio finita")).isEqualTo("it");
        assertThat(guess("Paalam na. Tonight na talaga. Salamat sa inyong lahat."))
                .isEqualTo("tl");
    }

    @Test
    void shouldTakeTheHintOnlyWhereTheTextIsTooShortToTell() {
        assertThat(guesser.guess("kms lol", "kill myself lol", "es-MX")).isEqualTo("es");
        assertThat(guesser.guess("kms lol", "kill myself lol", null)).isEqualTo(LanguageGuesser.ENGLISH);
        assertThat(guesser.guess("i really want to talk to someone tonight", "", "fr"))
                .isEqualTo(LanguageGuesser.ENGLISH);
    }
}
