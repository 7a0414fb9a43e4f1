package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurfaceFeatureGeneratorTest {
    private final SurfaceFeatureGenerator generator = new SurfaceFeatureGenerator();

    @Test
    void shouldGiveCharacterNgramsAcrossWordsWordTrigramsAndCueTokens() {
        Collection<String> features =
                generator.extractFeatures(new String[] {"i", "won't", "#sh.intent", "be", "here"}, Map.of());

        assertThat(features)
                .contains("#sh.intent", "t=<s>_<s>_i", "t=i_won't_be", "t=won't_be_here")
                .contains(" i w", "i wo", " won", "'t b", "ere ")
                .doesNotContain(" i ", "i won", "#sh.", "h.in", "t=won't_#sh.intent_be");
    }

    @Test
    void shouldShareNgramsBetweenSpellingsOfOneWord() {
        Collection<String> a = generator.extractFeatures(new String[] {"overwhelmed"}, Map.of());
        Collection<String> b = generator.extractFeatures(new String[] {"overwhelmin"}, Map.of());

        assertThat(a).contains(" ove", "whel", "helm").containsAnyElementsOf(b);
        assertThat(a.stream().filter(b::contains).count()).isEqualTo(8); // seven windows and the intercept
    }

    @Test
    void shouldGiveNothingButTheInterceptAndCueTokensForAnEmptyDocument() {
        assertThat(generator.extractFeatures(new String[] {"#lang.other"}, Map.of()))
                .containsExactly(PostFeatureGenerator.BIAS, "#lang.other");
        assertThat(generator.extractFeatures(new String[0], Map.of())).containsExactly(PostFeatureGenerator.BIAS);
    }

    @Test
    void partsGiveTheSameFeaturesAsTheGeneratorAndPackTellsWindowsApart() {
        String[] document = {"#sh.plan", "pills", "saved", "up", "ｆｏｒ", "tonight"};
        SurfaceFeatureGenerator.Parts parts = SurfaceFeatureGenerator.parts(document);
        java.util.List<String> rebuilt = new java.util.ArrayList<>(parts.others());
        java.util.Set<Long> packed = new java.util.HashSet<>();
        java.util.Set<String> windows = new java.util.HashSet<>();
        for (int i = 0; i + SurfaceFeatureGenerator.GRAM <= parts.joined().length(); i++) {
            String window = parts.joined().substring(i, i + SurfaceFeatureGenerator.GRAM);
            rebuilt.add(window);
            windows.add(window);
            packed.add(SurfaceFeatureGenerator.pack(parts.joined(), i));
            assertThat(SurfaceFeatureGenerator.pack(window, 0))
                    .isEqualTo(SurfaceFeatureGenerator.pack(parts.joined(), i));
        }

        assertThat(rebuilt).containsExactlyElementsOf(generator.extractFeatures(document, Map.of()));
        assertThat(packed).hasSameSizeAs(windows);
    }
}
