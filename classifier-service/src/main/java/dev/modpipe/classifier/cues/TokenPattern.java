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
     * The first words of the most selective required element after the first (the one with the
     * fewest alternatives, at most 8, none a prefix): a sentence without any of them cannot match,
     * which spares most match attempts. {@code null} when no element qualifies.
     */
    private static String[] selectiveWords(List<Element> elements) {
        Element best = null;
        for (int i = 1; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.gap > 0 || e.optional || !e.special.isEmpty() || e.byFirst.size() > 8) {
                continue;
            }
            if (best == null || e.byFirst.size() < best.byFirst.size()) {
                best = e;
            }
        }
        return best == null ? null : best.byFirst.keySet().toArray(new String[0]);
    }

    /** Whether a match can start at this token (a cheap test of the first element alone). */
    boolean mayStartWith(String token) {
        Element first = elements.get(0);
        if (first.byFirst.containsKey(token)) {
            return true;
        }
        for (String[] alt : first.special) {
            if (matchesWord(alt[0], token)) {
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

    public static TokenPattern parse(String source, Map<String, String> sets) {
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
            elements.add(new Element(alternatives, optional, 0));
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
     * Matches starting exactly at token {@code start} and not beyond {@code limit}; returns the end
     * (exclusive) of the shortest match, or -1.
     */
    int matchAt(String[] tokens, int start, int limit) {
        long[] m = match(tokens, 0, start, limit, start, 0L);
        return m == null ? -1 : (int) m[0];
    }

    /**
     * The tokens of the match at {@code start} that were skipped by gaps ({@code ~N}), as a bit mask
     * relative to {@code start} (tokens 64 and more after it are not reported).
     */
    long gapMask(String[] tokens, int start, int limit) {
        long[] m = match(tokens, 0, start, limit, start, 0L);
        return m == null ? 0L : m[1];
    }

    private long[] match(String[] tokens, int element, int pos, int limit, int origin, long gaps) {
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
                long[] r = match(tokens, element + 1, pos + k, limit, origin, mask);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        if (pos < limit) {
            List<String[]> exact = e.byFirst.get(tokens[pos]);
            if (exact != null) {
                for (String[] alt : exact) {
                    int end = matchPhrase(tokens, alt, pos, limit);
                    if (end >= 0) {
                        long[] r = match(tokens, element + 1, end, limit, origin, gaps);
                        if (r != null) {
                            return r;
                        }
                    }
                }
            }
            for (String[] alt : e.special) {
                int end = matchPhrase(tokens, alt, pos, limit);
                if (end >= 0) {
                    long[] r = match(tokens, element + 1, end, limit, origin, gaps);
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        return e.optional ? match(tokens, element + 1, pos, limit, origin, gaps) : null;
    }

    private static int matchPhrase(String[] tokens, String[] phrase, int pos, int limit) {
        if (pos + phrase.length > limit) {
            return -1;
        }
        for (int i = 0; i < phrase.length; i++) {
            if (!matchesWord(phrase[i], tokens[pos + i])) {
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
     * One element: its alternatives, indexed by their first word so that matching a token costs one
     * map lookup; alternatives starting with a special word ({@link #isSpecial}: a prefix such as
     * {@code kill*}, {@code #num}, {@code #year}) are tried one by one.
     */
    private record Element(
            List<String[]> alternatives,
            boolean optional,
            int gap,
            Map<String, List<String[]>> byFirst,
            List<String[]> special) {

        Element(List<String[]> alternatives, boolean optional, int gap) {
            this(alternatives, optional, gap, index(alternatives), specials(alternatives));
        }

        static Element gap(int n) {
            return new Element(List.of(), false, n);
        }

        private static Map<String, List<String[]>> index(List<String[]> alternatives) {
            Map<String, List<String[]>> m = new java.util.HashMap<>();
            for (String[] alt : alternatives) {
                if (!isSpecial(alt[0])) {
                    m.computeIfAbsent(alt[0], k -> new ArrayList<>()).add(alt);
                }
            }
            return Map.copyOf(m);
        }

        private static List<String[]> specials(List<String[]> alternatives) {
            List<String[]> l = new ArrayList<>();
            for (String[] alt : alternatives) {
                if (isSpecial(alt[0])) {
                    l.add(alt);
                }
            }
            return List.copyOf(l);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
