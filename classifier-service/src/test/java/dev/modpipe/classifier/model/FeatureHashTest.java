package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureHashTest {

    @Test
    void aHashContinuedWithMoreTextIsTheHashOfTheWholeText() {
        assertThat(FeatureHash.continued(FeatureHash.continued(FeatureHash.of("gift"), '_'), "card"))
                .isEqualTo(FeatureHash.of("gift_card"));
        assertThat(FeatureHash.continued(FeatureHash.of(""), "kms")).isEqualTo(FeatureHash.of("kms"));
    }

    @Test
    void shouldTellApartFeaturesThatDifferInOneCharacterOrInOrder() {
        Set<Long> hashes = new HashSet<>();
        for (String f :
                new String[] {"w=kill", "w=kill_", "w=kills", "w=klil", "w=llik", "t=i_want", "t=want_i", "", "_"}) {
            assertThat(hashes.add(FeatureHash.of(f))).as(f).isTrue();
        }
    }

    @Test
    void shouldSpreadKeysOverTheSlotsOfATable() {
        int mask = 1023;
        int[] used = new int[mask + 1];
        for (int i = 0; i < 512; i++) {
            used[FeatureHash.slot(FeatureHash.of("w=word" + i), mask)]++;
        }
        // 512 keys in 1024 slots: a fair spread fills about 400 (1024 * (1 - e^-0.5))
        long filled = java.util.Arrays.stream(used).filter(c -> c > 0).count();
        assertThat(filled).isGreaterThan(350);
    }
}
