package dev.modpipe.classifier.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CorpusTest {
    static final Path CORPUS = Path.of("corpus");

    @Test
    void shouldSplitReproduciblyAndStratified() {
        List<LabelledPost> all = Corpus.readDirectory(CORPUS);

        Corpus.Split a = Corpus.split(all);
        List<LabelledPost> reversed = new java.util.ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        Corpus.Split b = Corpus.split(reversed);

        assertThat(a.dev()).isEqualTo(b.dev());
        assertThat(a.train().size() + a.dev().size()).isEqualTo(all.size());
        Map<String, Long> total =
                all.stream().collect(Collectors.groupingBy(LabelledPost::stratum, Collectors.counting()));
        Map<String, Long> dev =
                a.dev().stream().collect(Collectors.groupingBy(LabelledPost::stratum, Collectors.counting()));
        total.forEach((stratum, n) -> assertThat(dev.getOrDefault(stratum, 0L)).isEqualTo(Math.round(n * 0.2)));
    }

    @Test
    void shouldKeepEveryPostInOneSplitOnly() {
        Corpus.Split split = Corpus.split(Corpus.readDirectory(CORPUS));
        Map<String, LabelledPost> train =
                split.train().stream().collect(Collectors.toMap(LabelledPost::id, Function.identity()));

        assertThat(split.dev()).noneMatch(p -> train.containsKey(p.id()));
    }

    @Test
    void shouldReadTheCorpusFormat() {
        LabelledPost p = Corpus.parse(
                "{\"id\":\"x-1\",\"text\":\"hi\",\"label\":\"SELF_HARM\",\"subcategory\":\"self_harm/ideation\","
                        + "\"risk\":\"LOW\",\"hardNegative\":false}",
                "line 1");

        assertThat(p.label()).isEqualTo("SELF_HARM");
        assertThat(p.risk()).isEqualTo(dev.modpipe.model.RiskLevel.LOW);
        assertThat(p.subcategory()).isEqualTo("self_harm/ideation");
    }

    @Test
    void shouldRejectASubcategoryTheModelsDoNotKnowOrOfAnotherLabel() {
        // round 16's first draft had "self_injury" without its prefix: trained as no subcategory
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Corpus.parse(
                        "{\"id\":\"x-2\",\"text\":\"hi\",\"label\":\"SELF_HARM\",\"subcategory\":\"self_injury\"}",
                        "line 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("self_injury");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Corpus.parse(
                        "{\"id\":\"x-3\",\"text\":\"hi\",\"label\":\"HARMFUL\",\"subcategory\":\"self_harm/ideation\"}",
                        "line 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HARMFUL");
    }
}
