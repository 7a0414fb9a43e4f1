package dev.modpipe.classifier.cues;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pattern over normalised tokens, matched inside one sentence. Syntax, elements separated by
 * spaces:
 *
 * <ul>
 *   <li>{@code word} a token; {@code kill*} any token starting with {@code kill}; {@code #num} a
 *       token starting with a digit; {@code #year} a year from 1950 to 2039;
 *   <li>{@code a|b|end+it+all} alternatives, {@code +} joining the tokens of a phrase;
 *   <li>{@code @SET} a named set of alternatives defined in the catalogue;
 *   <li>{@code x?} an optional element;
 *   <li>{@code ~N} up to N tokens of anything.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class TokenPattern {
    private final String source;
    private final List<Element> elements;

    private final String[] selective;

    private TokenPattern(String source, List<Element> elements) {
        this.source = source;
        this.elements = elements;
        this.selective = selectiveWords(elements);
    }

    /**
     * Ids of words, shared by the patterns of one catalogue: a pattern compares a token's id with
     * its words' ids, not strings, so a post's tokens are looked up once ({@link #ids}) for every
     * pattern. Filled while the catalogue is parsed, read-only once it is built.
     */
    static final class Words {
        private final Map<String, Integer> ids = new java.util.HashMap<>();

        int id(String word) {
            return ids.computeIfAbsent(word, w -> ids.size());
        }

        /** Per token, the id of the word it is, or -1 when no pattern has that word. */
        int[] ids(String[] tokens) {
            int[] result = new int[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                result[i] = idOrNone(tokens[i]);
            }
            return result;
        }

        /** The id of {@code word}, or -1 when no pattern has it. */
        int idOrNone(String word) {
            Integer id = ids.get(word);
            return id == null ? -1 : id;
        }

        int size() {
            return ids.size();
        }
    }

    /**
     * The first words of the most selective required element after the first (the one with the
     * fewest alternatives, at most 8, none a prefix): a sentence without any of them cannot match,
     * which spares most match attempts. {@code null} when no element qualifies.
     */
    private static String[] selectiveWords(List<Element> elements) {
        Element best = null;
        for (int i = 1; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.gap > 0 || e.optional || e.special.length > 0 || e.firstIds.length > 8) {
                continue;
            }
            if (best == null || e.firstIds.length < best.firstIds.length) {
                best = e;
            }
        }
        return best == null ? null : best.firstWords();
    }

    /** Whether a match can start at this token (a cheap test of the first element alone). */
    boolean mayStartWith(int id, String token) {
        Element first = elements.get(0);
        if (first.indexOfFirst(id) >= 0) {
            return true;
        }
        for (int alt : first.special) {
            if (matchesWord(first.alternatives.get(alt)[0], token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words of which a sentence must hold one for a match to be possible (the first words of
     * the most selective required element after the first); {@code null} when any sentence may
     * hold a match.
     */
    String[] requiredWords() {
        return selective == null ? null : selective.clone();
    }

    /**
     * The first characters a token must start with for a match to start at it, for a pattern whose
     * first element has a prefix ({@code kill*}) or a number ({@code #num}, {@code #year}: the
     * ASCII digits; other digits are left to {@link #mayStartWith} itself).
     */
    Set<Character> firstCharacters() {
        Set<Character> chars = new LinkedHashSet<>();
        for (String[] alt : elements.get(0).alternatives) {
            String w = alt[0];
            if (w.equals("#num") || w.equals("#year")) {
                for (char d = '0'; d <= '9'; d++) {
                    chars.add(d);
                }
            } else {
                chars.add(w.charAt(0));
            }
        }
        return chars;
    }

    public static TokenPattern parse(String source, Map<String, String> sets, Words words) {
        List<Element> elements = new ArrayList<>();
        for (String raw : source.trim().split("\\s+")) {
            if (raw.startsWith("~")) {
                elements.add(Element.gap(Integer.parseInt(raw.substring(1))));
                continue;
            }
            boolean optional = raw.endsWith("?") && raw.length() > 1;
            String body = optional ? raw.substring(0, raw.length() - 1) : raw;
            List<String[]> alternatives = new ArrayList<>();
            for (String alt : expand(body, sets).split("\\|")) {
                if (!alt.isEmpty()) {
                    alternatives.add(alt.split("\\+"));
                }
            }
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("empty element in pattern: " + source);
            }
            elements.add(Element.of(alternatives, optional, words));
        }
        if (elements.isEmpty() || elements.get(0).gap > 0 || elements.get(0).optional) {
            throw new IllegalArgumentException("a pattern must start with a required token: " + source);
        }
        return new TokenPattern(source, List.copyOf(elements));
    }

    private static String expand(String body, Map<String, String> sets) {
        StringBuilder b = new StringBuilder();
        for (String part : body.split("\\|")) {
            if (!b.isEmpty()) {
                b.append('|');
            }
            if (part.startsWith("@")) {
                String set = sets.get(part.substring(1));
                if (set == null) {
                    throw new IllegalArgumentException("unknown set " + part);
                }
                b.append(set);
            } else {
                b.append(part);
            }
        }
        return b.toString();
    }

    public String source() {
        return source;
    }

    /** The exact first tokens this pattern can start with (for indexing); prefixes end with '*'. */
    Set<String> firstTokens() {
        Set<String> first = new LinkedHashSet<>();
        for (String[] alt : elements.get(0).alternatives) {
            first.add(alt[0]);
        }
        return first;
    }

    /** All the literal words of the pattern, for the normalisation lexicon. */
    Set<String> words() {
        Set<String> words = new LinkedHashSet<>();
        for (Element e : elements) {
            for (String[] alt : e.alternatives) {
                for (String w : alt) {
                    words.add(w.endsWith("*") ? w.substring(0, w.length() - 1) : w);
                }
            }
        }
        return words;
    }

    /**
     * Matches starting exactly at token {@code start} and not beyond {@code limit}, over the tokens
     * and their {@link Words#ids}: the end (exclusive) of the shortest match and, as a bit mask
     * relative to {@code start}, the tokens skipped by gaps ({@code ~N}; tokens 64 and more after
     * it are not reported); null when there is no match.
     */
    long[] matchAt(String[] tokens, int[] ids, int start, int limit) {
        return match(tokens, ids, 0, start, limit, start, 0L);
    }

    private long[] match(String[] tokens, int[] ids, int element, int pos, int limit, int origin, long gaps) {
        if (element == elements.size()) {
            return new long[] {pos, gaps};
        }
        Element e = elements.get(element);
        if (e.gap > 0) {
            long mask = gaps;
            for (int k = 0; k <= e.gap && pos + k <= limit; k++) {
                if (k > 0 && pos + k - 1 - origin < 64) {
                    mask |= 1L << (pos + k - 1 - origin);
                }
                long[] r = match(tokens, ids, element + 1, pos + k, limit, origin, mask);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        if (pos < limit) {
            int first = e.indexOfFirst(ids[pos]);
            if (first >= 0) {
                for (int alt : e.byFirst[first]) {
                    int end = matchPhrase(tokens, ids, e, alt, pos, limit);
                    if (end >= 0) {
                        long[] r = match(tokens, ids, element + 1, end, limit, origin, gaps);
                        if (r != null) {
                            return r;
                        }
                    }
                }
            }
            for (int alt : e.special) {
                int end = matchPhrase(tokens, ids, e, alt, pos, limit);
                if (end >= 0) {
                    long[] r = match(tokens, ids, element + 1, end, limit, origin, gaps);
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        return e.optional ? match(tokens, ids, element + 1, pos, limit, origin, gaps) : null;
    }

    /** The end of alternative {@code alt} of {@code e} matched at {@code pos}, or -1. */
    private static int matchPhrase(String[] tokens, int[] ids, Element e, int alt, int pos, int limit) {
        String[] phrase = e.alternatives.get(alt);
        int[] phraseIds = e.ids[alt];
        if (pos + phrase.length > limit) {
            return -1;
        }
        for (int i = 0; i < phrase.length; i++) {
            boolean same = phraseIds[i] >= 0 ? phraseIds[i] == ids[pos + i] : matchesWord(phrase[i], tokens[pos + i]);
            if (!same) {
                return -1;
            }
        }
        return pos + phrase.length;
    }

    static boolean matchesWord(String word, String token) {
        if (word.equals("#num")) {
            return !token.isEmpty() && Character.isDigit(token.charAt(0));
        }
        if (word.equals("#year")) {
            return isYear(token);
        }
        int last = word.length() - 1;
        if (last > 0 && word.charAt(last) == '*') {
            return token.length() >= last && token.regionMatches(0, word, 0, last);
        }
        return word.equals(token);
    }

    /** Whether a word is matched by a test rather than looked up: a prefix ({@code kill*}), {@code #num}, {@code #year}. */
    static boolean isSpecial(String word) {
        return word.equals("#num") || word.equals("#year") || (word.length() > 1 && word.endsWith("*"));
    }

    /** A calendar year as people write one in a story: four digits from 1950 to 2039. */
    static boolean isYear(String token) {
        if (token.length() != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        int year = Integer.parseInt(token);
        return year >= 1950 && year <= 2039;
    }

    /**
     * One element: its alternatives, each word also as its {@link Words} id (-1 for a special word,
     * {@link #isSpecial}: a prefix such as {@code kill*}, {@code #num}, {@code #year}, which is
     * tested, not looked up); the alternatives indexed by the id of their first word, so matching a
     * token costs a scan of a few ints; those starting with a special word are tried one by one.
     *
     * @param firstIds the distinct ids of the alternatives' exact first words, in ascending order
     * @param byFirst per entry of {@code firstIds}, the alternatives (indexes, in their order) it starts
     * @param special the alternatives starting with a special word, in their order
     */
    private record Element(
            List<String[]> alternatives,
            int[][] ids,
            boolean optional,
            int gap,
            int[] firstIds,
            int[][] byFirst,
            int[] special) {

        /** Up to this many first words are scanned; more are binary-searched. */
        private static final int SCANNED = 8;

        static Element of(List<String[]> alternatives, boolean optional, Words words) {
            int[][] ids = new int[alternatives.size()][];
            // by first word id, ascending, so that many first words can be binary-searched
            Map<Integer, List<Integer>> byFirst = new java.util.TreeMap<>();
            List<Integer> special = new ArrayList<>();
            for (int a = 0; a < alternatives.size(); a++) {
                String[] alt = alternatives.get(a);
                ids[a] = new int[alt.length];
                for (int i = 0; i < alt.length; i++) {
                    ids[a][i] = isSpecial(alt[i]) ? -1 : words.id(alt[i]);
                }
                if (ids[a][0] < 0) {
                    special.add(a);
                } else {
                    byFirst.computeIfAbsent(ids[a][0], k -> new ArrayList<>()).add(a);
                }
            }
            int[] firstIds =
                    byFirst.keySet().stream().mapToInt(Integer::intValue).toArray();
            return new Element(
                    List.copyOf(alternatives),
                    ids,
                    optional,
                    0,
                    firstIds,
                    byFirst.values().stream()
                            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                            .toArray(int[][]::new),
                    special.stream().mapToInt(Integer::intValue).toArray());
        }

        static Element gap(int n) {
            return new Element(List.of(), new int[0][], false, n, new int[0], new int[0][], new int[0]);
        }

        /** The entry of {@code firstIds} that is {@code id}, or -1 (always for -1, an unknown word). */
        int indexOfFirst(int id) {
            if (id < 0) {
                return -1;
            }
            if (firstIds.length <= SCANNED) {
                for (int k = 0; k < firstIds.length; k++) {
                    if (firstIds[k] == id) {
                        return k;
                    }
                }
                return -1;
            }
            int at = java.util.Arrays.binarySearch(firstIds, id);
            return at >= 0 ? at : -1;
        }

        /** The exact first words, in the order of {@code firstIds}. */
        String[] firstWords() {
            String[] first = new String[byFirst.length];
            for (int k = 0; k < byFirst.length; k++) {
                first[k] = alternatives.get(byFirst[k][0])[0];
            }
            return first;
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
