package dev.modpipe.classifier.normalize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words that matter for moderation (the cue catalogue's words and a base list). Normalisation
 * uses it to decide how to read an evasion: {@code s*icide} is unmasked to the lexicon word it
 * fits, {@code s u i c i d e} is joined only when the result is a lexicon word, and stretched
 * letters collapse to the lexicon spelling. Immutable and thread-safe.
 */
public final class Lexicon {
    private static final List<String> BASE = List.of(
            "suicide",
            "suicidal",
            "kill",
            "killing",
            "killed",
            "die",
            "dying",
            "dead",
            "death",
            "cut",
            "cutting",
            "cuts",
            "self",
            "harm",
            "hurt",
            "hurting",
            "myself",
            "yourself",
            "end",
            "pills",
            "overdose",
            "hang",
            "hanging",
            "rope",
            "bridge",
            "knife",
            "razor",
            "blade",
            "bleed",
            "bleeding",
            "blood",
            "gun",
            "shoot",
            "tonight",
            "goodbye",
            "bye",
            "please",
            "help",
            "so",
            "no",
            "why",
            "tired",
            "done",
            "sorry",
            "alone",
            "want",
            "need",
            "hate",
            "stupid",
            "ugly",
            "worthless",
            "loser",
            "pathetic",
            "idiot",
            "die",
            "kys",
            "kms",
            "unalive",
            "hell",
            "fuck",
            "shit",
            "bitch",
            "whore",
            "slut",
            "retard",
            "freak",
            "scam",
            "free",
            "money",
            "cure",
            "cured",
            "cures",
            "vaccine",
            "vaccines",
            "autism",
            "meds",
            "therapy",
            "good",
            "too",
            "see",
            "feel",
            "feeling",
            "really",
            "sleep",
            "sad",
            "ok",
            "okay",
            "yes",
            "omg",
            "hurts",
            "cool");

    private final Set<String> words;
    private final Map<Integer, List<String>> byLength;

    private Lexicon(Set<String> words) {
        this.words = Set.copyOf(words);
        Map<Integer, List<String>> index = new HashMap<>();
        for (String w : words) {
            index.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
        }
        index.values().forEach(l -> l.sort(null));
        this.byLength = Map.copyOf(index);
    }

    /** The base words plus {@code extra} (single words; phrases are split). */
    public static Lexicon of(Collection<String> extra) {
        Set<String> all = new LinkedHashSet<>(BASE);
        for (String e : extra) {
            for (String w : e.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9']+")) {
                if (w.length() >= 2) {
                    all.add(w);
                }
            }
        }
        all.addAll(Vocabulary.TOKENS.keySet());
        return new Lexicon(all);
    }

    public boolean contains(String word) {
        return words.contains(word);
    }

    public int size() {
        return words.size();
    }

    /**
     * The lexicon word that {@code masked} can stand for when each mask character ({@code *},
     * {@code #}, {@code _}) hides one letter, or a run of masks hides one or two letters; {@code
     * null} if none or several fit equally.
     */
    String unmask(String masked) {
        String found = null;
        int minLen = 0;
        int maxLen = 0;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            minLen++;
            maxLen += isMask(c) ? 2 : 1;
        }
        for (int len = minLen; len <= maxLen; len++) {
            for (String w : byLength.getOrDefault(len, List.of())) {
                if (fits(masked, 0, w, 0)) {
                    if (found != null && !found.equals(w)) {
                        return found.length() <= w.length() ? found : w;
                    }
                    found = w;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return found;
    }

    private static boolean fits(String masked, int i, String word, int j) {
        if (i == masked.length()) {
            return j == word.length();
        }
        char c = masked.charAt(i);
        if (isMask(c)) {
            if (j < word.length() && fits(masked, i + 1, word, j + 1)) {
                return true;
            }
            return j + 1 < word.length()
                    && (i + 1 == masked.length() || !isMask(masked.charAt(i + 1)))
                    && fits(masked, i + 1, word, j + 2);
        }
        return j < word.length() && word.charAt(j) == c && fits(masked, i + 1, word, j + 1);
    }

    static boolean isMask(char c) {
        return c == '*' || c == '#' || c == '_';
    }
}
