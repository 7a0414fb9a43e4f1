package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modpipe.classifier.model.Neighbours.Neighbourhood;
import dev.modpipe.model.Category;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NeighboursTest {
    // the memory: three scam posts, three scam warnings (hard negatives), and filler posts so that
    // the words of every post are rare enough to be kept (a term in more than 5% of posts is not)
    private static final List<String[]> DOCS = new ArrayList<>();
    private static final List<Category> LABELS = new ArrayList<>();
    private static final List<Boolean> HARD = new ArrayList<>();

    static {
        add("send a gift card to unlock your grant today", Category.HARMFUL, false);
        add("pay the processing fee by gift card and the grant is yours", Category.HARMFUL, false);
        add("dm me to claim your grant , small fee first", Category.HARMFUL, false);
        add("warning : the grant message asking for a gift card fee is a scam , reported", null, true);
        add("psa fake grant dms want a processing fee , never pay , report them", null, true);
        add("got a grant message asking for gift card payment , blocked and reported", null, true);
        for (int i = 0; i < 100; i++) {
            add("filler post number" + i + " about gardening" + i + " and tea" + i, null, false);
        }
    }

    private static void add(String text, Category label, boolean hardNegative) {
        DOCS.add(text.split(" "));
        LABELS.add(label);
        HARD.add(hardNegative);
    }

    private static Neighbours memory() {
        boolean[] hard = new boolean[HARD.size()];
        for (int i = 0; i < hard.length; i++) {
            hard[i] = HARD.get(i);
        }
        return Neighbours.build(DOCS, LABELS.toArray(Category[]::new), hard, i -> true);
    }

    @Test
    void shouldTellWhatThePostsMostLikeThisOneWere() {
        Neighbours memory = memory();

        Neighbourhood warning = memory.near("heads up the grant fee message is a scam , reported it".split(" "));
        Neighbourhood scam = memory.near("claim your grant , send the fee by gift card today".split(" "));

        assertThat(warning.hardNegatives()).isGreaterThan(0.5);
        assertThat(warning.share(Category.HARMFUL)).isLessThan(0.5);
        assertThat(scam.share(Category.HARMFUL)).isGreaterThan(0.5);
        assertThat(scam.share(Category.SELF_HARM)).isZero();
        assertThat(scam.share(Category.HARMFUL) + scam.hardNegatives()).isCloseTo(1.0, within(1e-9));
        assertThat(scam.nearest()).isBetween(0.2, 1.0);
    }

    @Test
    void aPostOfTheMemoryIsItsOwnNearestPost() {
        Neighbours memory = memory();

        assertThat(memory.near(DOCS.get(0)).nearest()).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void aSearchLeavesNothingBehindForTheNextOne() {
        Neighbours memory = memory();
        Neighbourhood first = memory.near(DOCS.get(3));

        for (String[] doc : DOCS) {
            memory.near(doc);
        }

        assertThat(memory.near(DOCS.get(3))).isEqualTo(first);
        assertThat(memory().near(DOCS.get(3))).isEqualTo(first);
    }

    @Test
    void aSearchThatFailsHalfWayLeavesNothingBehindEither() {
        Neighbours memory = memory();
        Neighbourhood expected = memory.near(DOCS.get(3));

        // a broken document (a null token after some counted terms) fails the search
        assertThatThrownBy(() -> memory.near(new String[] {"grant", "gift", "card", null}))
                .isInstanceOf(NullPointerException.class);

        assertThat(memory.near(DOCS.get(3))).isEqualTo(expected);
    }

    @Test
    void shouldFindNothingNearAPostThatSharesNoKeptTerm() {
        Neighbours memory = memory();

        assertThat(memory.near("completely unrelated words".split(" "))).isEqualTo(Neighbourhood.NOTHING_NEAR);
        assertThat(memory.near(new String[0])).isEqualTo(Neighbourhood.NOTHING_NEAR);
    }

    @Test
    void shouldLeaveOutWordsFoundInMoreThanATenthOfThePostsAndTheCueTokens() {
        Neighbours memory = memory();

        // "filler" and "post" are in 100 of 106 posts: the post shares no kept term with any post
        assertThat(memory.near("filler post #sh.intent".split(" "))).isEqualTo(Neighbourhood.NOTHING_NEAR);
    }

    @Test
    void shouldLeaveOutThePostsTheFilterRejects() {
        boolean[] hard = new boolean[HARD.size()];
        Neighbours withoutScams = Neighbours.build(DOCS, LABELS.toArray(Category[]::new), hard, i -> i >= 3);

        assertThat(withoutScams.size()).isEqualTo(DOCS.size() - 3);
        assertThat(withoutScams.near(DOCS.get(0)).share(Category.HARMFUL)).isZero();
    }

    @Test
    void shouldGiveWhatCosineSimilarityOverTheTfIdfVectorsGives() {
        Neighbours memory = memory();
        // the vectors computed here from the definition, with strings, as an independent check of
        // the search (which looks terms up by hash and walks postings)
        int n = DOCS.size();
        Map<String, Integer> df = new HashMap<>();
        DOCS.forEach(d -> Neighbours.termCounts(d).keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
        int maxDf = (int) Math.floor(Neighbours.MAX_DOCUMENT_FREQUENCY * n);
        Function<String[], Map<String, Double>> vector = doc -> {
            Map<String, Double> v = new HashMap<>();
            Neighbours.termCounts(doc).forEach((t, c) -> {
                if (df.containsKey(t) && df.get(t) <= maxDf) {
                    v.put(t, (1 + Math.log(c)) * Neighbours.idf(n, df.get(t)));
                }
            });
            double norm = Math.sqrt(v.values().stream().mapToDouble(w -> w * w).sum());
            v.replaceAll((t, w) -> w / norm);
            return v;
        };
        String[] query = "someone dm me about a grant , they want a gift card fee first".split(" ");
        Map<String, Double> q = vector.apply(query);
        Integer[] order = new Integer[n];
        double[] cosine = new double[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
            Map<String, Double> v = vector.apply(DOCS.get(p));
            cosine[p] = q.entrySet().stream()
                    .mapToDouble(e -> e.getValue() * v.getOrDefault(e.getKey(), 0.0))
                    .sum();
        }
        Arrays.sort(order, (a, b) -> Double.compare(cosine[b], cosine[a]));
        double total = 0;
        double harmful = 0;
        double hardNegatives = 0;
        for (int i = 0; i < Neighbours.K; i++) {
            int p = order[i];
            total += cosine[p];
            harmful += LABELS.get(p) == Category.HARMFUL ? cosine[p] : 0;
            hardNegatives += HARD.get(p) ? cosine[p] : 0;
        }

        Neighbourhood near = memory.near(query);

        assertThat(cosine[order[Neighbours.K - 1]]).isGreaterThan(cosine[order[Neighbours.K]]);
        assertThat(near.nearest()).isCloseTo(cosine[order[0]], within(1e-6));
        assertThat(near.share(Category.HARMFUL)).isCloseTo(harmful / total, within(1e-6));
        assertThat(near.hardNegatives()).isCloseTo(hardNegatives / total, within(1e-6));
    }

    @Test
    void shouldReadBackWhatItWrote() throws IOException {
        Neighbours memory = memory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        memory.write(out);

        Neighbours read = Neighbours.read(new ByteArrayInputStream(out.toByteArray()));

        for (String[] doc : DOCS) {
            assertThat(read.near(doc)).isEqualTo(memory.near(doc));
        }
        assertThat(read.size()).isEqualTo(memory.size());
    }
}
