package dev.modpipe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modpipe.model.EventJson;
import dev.modpipe.model.PostEvent;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostMixTest {
    private final PostMix mix = PostMix.standard(42);

    @Test
    void shouldHoldEveryKindsShareOverAnyStretchOfARun() {
        for (int offset : new int[] {0, 7_919, 100_000}) {
            Map<PostKind, Integer> counts = new EnumMap<>(PostKind.class);
            int n = 20_000;
            for (int i = offset; i < offset + n; i++) {
                counts.merge(mix.kindOf(i), 1, Integer::sum);
            }
            PostMix.DEFAULT_SHARES.forEach((kind, share) -> assertThat(counts.getOrDefault(kind, 0) / (double) n)
                    .as("%s from %d", kind, offset)
                    .isCloseTo(share, within(0.001)));
        }
    }

    @Test
    void shouldSpreadCrisesEvenlyInsteadOfBunchingThem() {
        int longestGap = 0;
        int last = -1;
        for (int i = 0; i < 10_000; i++) {
            if (mix.kindOf(i) == PostKind.CRISIS) {
                if (last >= 0) {
                    longestGap = Math.max(longestGap, i - last);
                }
                last = i;
            }
        }
        assertThat(longestGap).as("1 % crises: about one in a hundred").isLessThan(200);
    }

    @Test
    void shouldGiveTheSamePostForTheSameIndexAndVariedTextsAcrossPosts() {
        assertThat(mix.post("p-1", 1234)).isEqualTo(PostMix.standard(42).post("p-1", 1234));

        Set<String> bodies = new HashSet<>();
        int benign = 0;
        for (int i = 0; i < 2_000; i++) {
            PostMix.Post post = mix.post("p-" + i, i);
            if (post.kind() == PostKind.BENIGN) {
                benign++;
                bodies.add(post.body());
            }
            assertThat(post.body()).doesNotContain("{").doesNotContain("}").isNotBlank();
        }
        assertThat(bodies.size()).as("distinct benign bodies").isGreaterThan(benign * 9 / 10);
    }

    @Test
    void shouldWriteValidSubmissionsAndContractEvents() {
        for (int i = 0; i < 300; i++) {
            PostMix.Post post = mix.post("bench-x-" + i, i);
            PostEvent event = post.event("demo", Instant.parse("2026-11-22T10:00:00Z"));

            PostEvent read = EventJson.read(EventJson.write(event), PostEvent.class);
            assertThat(read).isEqualTo(event);
            assertThat(read.key()).isEqualTo("demo:bench-x-" + i);
            assertThat(read.authorId()).matches("a-[0-9a-f]{32}").doesNotContain(post.rawAuthorId());
            assertThat(post.submission(Instant.EPOCH).path("authorId").asText()).isEqualTo(post.rawAuthorId());
        }
    }

    @Test
    void shouldFindARunsPostsAgainFromTheirIds() {
        RunLog run = new RunLog("t", mix, 10);
        RunRegistry registry = new RunRegistry();
        registry.add(run);
        int[] found = {-1};

        registry.find(run.postId(7), (r, index) -> found[0] = index);
        registry.find("bench-other-3", (r, index) -> found[0] = 99);
        registry.find(run.postId(10), (r, index) -> found[0] = 99);

        assertThat(found[0]).isEqualTo(7);
        assertThat(run.indexOf("bench-" + run.tag() + "-x")).isEqualTo(-1);
    }
}
