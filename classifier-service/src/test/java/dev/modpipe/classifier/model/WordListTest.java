package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordListTest {
    private static WordList<String> firstWins(int longestStem, String... lists) {
        WordList<String> list = new WordList<>(longestStem, "none");
        for (int i = 0; i < lists.length; i++) {
            String value = "v" + i;
            list.add(lists[i], previous -> previous.equals("none") ? value : previous);
        }
        return list;
    }

    @Test
    void shouldPreferAWordsOwnEntryThenItsLongestStem() {
        WordList<String> list = firstWins(10, "cut*", "cutting", "cutt*");

        assertThat(list.of("cutting")).isEqualTo("v1");
        assertThat(list.of("cutter")).isEqualTo("v2");
        assertThat(list.of("cuts")).isEqualTo("v0");
        assertThat(list.of("cu")).isEqualTo("none");
        assertThat(list.of("shortcut")).isEqualTo("none");
    }

    @Test
    void shouldNotTryStemsLongerThanItsLimit() {
        WordList<String> list = firstWins(5, "collarbone* colla*");

        assertThat(list.of("collarbones")).isEqualTo("v0");
        assertThat(firstWins(5, "collarbone*").of("collarbones")).isEqualTo("none");
    }

    @Test
    void shouldHandEachWordItsValueSoFarToMerge() {
        WordList<String> list = new WordList<>(10, "");
        list.add("fast skip*", previous -> previous + "+restrict");
        list.add("fast", previous -> previous + "+food");

        assertThat(list.of("fast")).isEqualTo("+restrict+food");
        assertThat(list.of("skipped")).isEqualTo("+restrict");
        assertThat(list.of("  ")).isEqualTo("");
    }
}
