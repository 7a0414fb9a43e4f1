package dev.modpipe.classifier.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Normalisation that sees through the usual evasions while keeping a map to the original text:
 *
 * <ul>
 *   <li>lower case; accents, full-width and "fancy" Unicode letters folded to ASCII; zero-width
 *       characters dropped; look-alike Cyrillic letters inside Latin words read as Latin;
 *   <li>emoji that carry meaning read as words (🔪 knife, 💊 pills, 🪦 grave, 🪢 rope…);
 *   <li>spelled-out words joined ({@code s u i c i d e}, {@code k.y.s}) when the result is a
 *       {@link Lexicon} word;
 *   <li>leetspeak decoded ({@code su1cide}, {@code k!ll}, {@code ky$}) and masks resolved against
 *       the lexicon ({@code s*icide}, {@code k#ll});
 *   <li>stretched letters collapsed ({@code diiiie}, {@code pleaseeee});
 *   <li>algospeak, chat slang and contractions expanded ({@code kms} → {@code kill myself}, {@code
 *       unalive}, {@code ctb}, {@code sewerslide} → {@code suicide}, {@code gonna}, {@code don't});
 *   <li>punctuation set apart from words so that most tokens are plain words.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class TextNormalizer {
    private static final Pattern NUMERIC = Pattern.compile(
            "[0-9]+([.,:/][0-9]+)*(st|nd|rd|th|am|pm|mg|ml|kg|lb|lbs|k|m|x|s|yo|h|hr|hrs|min|mins|g|cm|km|mi|ft|in|yr|yrs|d|w|%)?");
    private static final String LEADING = "\"'([{<*¿¡";
    private static final String TRAILING = ".,;:!?\"')]}>*…";
    private static final Map<Integer, String> FOLDED = new ConcurrentHashMap<>();

    private final Lexicon lexicon;

    public TextNormalizer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public NormalizedText normalize(String original) {
        NormalizedText chars = charPass(original);
        NormalizedText joined = joinSpelledOut(chars);
        return wordPass(joined);
    }

    // ---- pass 1: characters ----

    static NormalizedText charPass(String original) {
        int n = original.length();
        MappedBuilder out = new MappedBuilder(n + 16);
        for (int i = 0; i < n; ) {
            int cp = original.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (cp < 128) {
                char c = (char) cp;
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                } else if (c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                    c = ' ';
                } else if (c == '`') {
                    c = '\'';
                } else if (c < 32 && c != '\n') {
                    c = ' ';
                }
                out.append(c, i, end);
            } else if (isIgnorable(cp)) {
                // dropped: zero-width characters, variation selectors, skin tones, soft hyphen
            } else if (Vocabulary.EMOJI.containsKey(cp)) {
                out.append(' ', i, i);
                out.append(Vocabulary.EMOJI.get(cp), i, end);
                out.append(' ', end, end);
            } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032 || cp == 0x02BC) {
                out.append('\'', i, end);
            } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x2033 || cp == 0x00AB || cp == 0x00BB) {
                out.append('"', i, end);
            } else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) {
                out.append('-', i, end);
            } else if (cp == 0x00A0 || Character.isSpaceChar(cp)) {
                out.append(' ', i, end);
            } else {
                String latin = cyrillicLookalike(cp, original, i, end);
                out.append(latin != null ? latin : fold(cp), i, end);
            }
            i = end;
        }
        return out.build(original);
    }

    private static boolean isIgnorable(int cp) {
        return cp == 0x200B
                || cp == 0x200C
                || cp == 0x200D
                || cp == 0x2060
                || cp == 0xFEFF
                || cp == 0x00AD
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    private static String fold(int cp) {
        return FOLDED.computeIfAbsent(cp, c -> {
            String s = new String(Character.toChars(Character.toLowerCase(c)));
            String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
            StringBuilder b = new StringBuilder(d.length());
            for (int k = 0; k < d.length(); k++) {
                char ch = d.charAt(k);
                if (Character.getType(ch) != Character.NON_SPACING_MARK) {
                    b.append(Character.toLowerCase(ch));
                }
            }
            return b.isEmpty() ? s : b.toString();
        });
    }

    private static String cyrillicLookalike(int cp, String text, int start, int end) {
        String latin =
                switch (cp) {
                    case 0x0430, 0x0410 -> "a";
                    case 0x0435, 0x0415 -> "e";
                    case 0x043E, 0x041E -> "o";
                    case 0x0440, 0x0420 -> "p";
                    case 0x0441, 0x0421 -> "c";
                    case 0x0445, 0x0425 -> "x";
                    case 0x0443 -> "y";
                    case 0x0456, 0x0406 -> "i";
                    default -> null;
                };
        if (latin == null) {
            return null;
        }
        boolean latinBefore = start > 0 && isAsciiLetter(text.charAt(start - 1));
        boolean latinAfter = end < text.length() && isAsciiLetter(text.charAt(end));
        return latinBefore || latinAfter ? latin : null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    // ---- pass 2: spelled-out words ("s u i c i d e") ----

    private NormalizedText joinSpelledOut(NormalizedText in) {
        String t = in.text();
        int n = t.length();
        MappedBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!isUnitAt(t, i)) {
                i++;
                continue;
            }
            List<Integer> units = new ArrayList<>();
            units.add(i);
            int j = i;
            while (j + 2 < n && isSeparator(t.charAt(j + 1)) && isUnitAt(t, j + 2)) {
                j += 2;
                units.add(j);
            }
            if (units.size() >= 3) {
                int[] hit = findJoin(t, units);
                if (hit != null) {
                    if (out == null) {
                        out = new MappedBuilder(n + 16);
                    }
                    int from = units.get(hit[0]);
                    int to = units.get(hit[1]) + 1;
                    out.copy(in, copied, from);
                    out.replace(joinUnits(t, units.subList(hit[0], hit[1] + 1)), in, from, to);
                    copied = to;
                }
            }
            i = j + 1;
        }
        if (out == null) {
            return in;
        }
        out.copy(in, copied, n);
        return out.build(in.original());
    }

    private int[] findJoin(String t, List<Integer> units) {
        int last = units.size() - 1;
        for (int skip = 0; skip <= 1 && units.size() - skip >= 3; skip++) {
            String joined = decodeLeet(joinUnits(t, units.subList(skip, units.size())));
            if (lexicon.contains(joined) || Vocabulary.TOKENS.containsKey(joined)) {
                return new int[] {skip, last};
            }
        }
        return null;
    }

    private static String joinUnits(String t, List<Integer> units) {
        StringBuilder b = new StringBuilder(units.size());
        for (int u : units) {
            b.append(t.charAt(u));
        }
        return b.toString();
    }

    private static boolean isUnitAt(String t, int i) {
        char c = t.charAt(i);
        if (!(isWordChar(c) || c == '@' || c == '$' || c == '!')) {
            return false;
        }
        boolean before = i == 0 || isBoundary(t.charAt(i - 1));
        boolean after = i + 1 == t.length() || isBoundary(t.charAt(i + 1));
        return before && after;
    }

    /** Phrases that start with {@code start}, their first word and a space, longest first. */
    private record PhraseGroup(String start, List<String> phrases) {}

    /** The phrases of {@link Vocabulary#PHRASES} grouped by their first word. */
    private static final List<PhraseGroup> PHRASE_GROUPS = Vocabulary.PHRASES.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .collect(Collectors.groupingBy(p -> p.substring(0, p.indexOf(' ') + 1), TreeMap::new, Collectors.toList()))
            .entrySet()
            .stream()
            .map(e -> new PhraseGroup(e.getKey(), List.copyOf(e.getValue())))
            .toList();

    /**
     * The phrase of {@link Vocabulary#PHRASES} that starts at {@code i}, at the start of a word,
     * ends at a word boundary and is not followed by a word that makes it literal; else null. Called
     * at every word of every post, so the first word is compared in place, not cut out.
     */
    private static String phraseAt(String t, int i) {
        if (i > 0 && t.charAt(i - 1) != ' ' && t.charAt(i - 1) != '\n') {
            return null;
        }
        for (PhraseGroup group : PHRASE_GROUPS) {
            if (t.startsWith(group.start(), i)) {
                return phraseOf(group.phrases(), t, i);
            }
        }
        return null;
    }

    /** The first of {@code phrases} at {@code i} that ends at a word boundary and is not literal there. */
    private static String phraseOf(List<String> phrases, String t, int i) {
        for (String phrase : phrases) {
            int end = i + phrase.length();
            if (t.startsWith(phrase, i)
                    && (end == t.length()
                            || t.charAt(end) == ' '
                            || t.charAt(end) == '\n'
                            || TRAILING.indexOf(t.charAt(end)) >= 0)
                    && !Vocabulary.LITERAL_AFTER_PHRASE
                            .getOrDefault(Vocabulary.PHRASES.get(phrase), Set.of())
                            .contains(nextWord(t, end))) {
                return phrase;
            }
        }
        return null;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*';
    }

    private static boolean isBoundary(char c) {
        return isSeparator(c) || c == '\n' || c == ',' || c == '"' || c == '\'' || c == '(' || c == ')';
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || Character.isLetter(c);
    }

    // ---- pass 3: words (leet, masks, stretching, slang, punctuation) ----

    private NormalizedText wordPass(NormalizedText in) {
        String t = in.text();
        int n = t.length();
        MappedBuilder out = new MappedBuilder(n + n / 4 + 16);
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\n') {
                out.copy(in, i, i + 1);
                i++;
                continue;
            }
            String phrase = phraseAt(t, i);
            if (phrase != null) {
                out.replace(Vocabulary.PHRASES.get(phrase), in, i, i + phrase.length());
                i += phrase.length();
                continue;
            }
            int end = i;
            while (end < n && t.charAt(end) != ' ' && t.charAt(end) != '\n') {
                end++;
            }
            emitRun(in, t, i, end, out);
            i = end;
        }
        return out.build(in.original());
    }

    private void emitRun(NormalizedText in, String t, int start, int end, MappedBuilder out) {
        String run = t.substring(start, end);
        String direct = Vocabulary.TOKENS.get(run);
        if (direct != null && run.indexOf('/') >= 0) {
            out.replace(direct, in, start, end);
            return;
        }
        int s = start;
        int e = end;
        while (s < e && LEADING.indexOf(t.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && TRAILING.indexOf(t.charAt(e - 1)) >= 0) {
            e--;
        }
        for (int k = start; k < s; k++) {
            out.copy(in, k, k + 1);
            out.space(in, k + 1);
        }
        if (s < e) {
            emitCore(in, t, s, e, out);
        }
        for (int k = e; k < end; k++) {
            out.space(in, k);
            out.copy(in, k, k + 1);
        }
    }

    private void emitCore(NormalizedText in, String t, int s, int e, MappedBuilder out) {
        String core = t.substring(s, e);
        String word = Vocabulary.TOKENS.get(core);
        if (word == null && core.equals("unalive")) {
            word = Vocabulary.UNALIVE_OBJECTS.contains(nextWord(t, e)) ? "kill" : "kill myself";
        }
        if (word == null) {
            String decoded = decodeCore(core);
            String expanded = Vocabulary.TOKENS.get(decoded);
            if (expanded != null) {
                word = expanded;
            } else if (decoded.equals("unalive")) {
                word = Vocabulary.UNALIVE_OBJECTS.contains(nextWord(t, e)) ? "kill" : "kill myself";
            } else {
                word = decoded;
            }
        }
        if (isPossessive(word)) {
            // "mum's", "character's", "cable's": the noun on its own, so patterns and models see
            // "mum" or "character" (who is talking, a story) whatever follows it
            word = word.substring(0, word.length() - 2) + " 's";
        }
        if (word.equals(core)) {
            out.copy(in, s, e);
        } else {
            out.replace(word, in, s, e);
        }
    }

    /** A word of at least two letters followed by {@code 's} (contractions such as "it's" are expanded before). */
    static boolean isPossessive(String word) {
        int n = word.length();
        if (n < 4 || word.charAt(n - 2) != '\'' || word.charAt(n - 1) != 's') {
            return false;
        }
        for (int i = 0; i < n - 2; i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String nextWord(String t, int from) {
        int i = from;
        while (i < t.length() && !isWordChar(t.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < t.length() && (isWordChar(t.charAt(j)) || t.charAt(j) == '\'')) {
            j++;
        }
        return t.substring(i, j);
    }

    /** Leet, masks, separators inside a word, stretching; returns the core unchanged if nothing applies. */
    String decodeCore(String core) {
        if (hasSymbol(core)) {
            String spelled = joinSeparated(core);
            if (spelled != null) {
                return spelled;
            }
        }
        String compound = splitCompound(core);
        if (compound.indexOf(' ') < 0) {
            return decodeWord(compound);
        }
        StringBuilder b = new StringBuilder(compound.length());
        for (String part : compound.split(" ")) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            String w = decodeWord(part);
            String expanded = Vocabulary.TOKENS.get(w);
            b.append(expanded == null || w.length() <= 2 ? w : expanded);
        }
        return b.toString();
    }

    private String decodeWord(String word) {
        String w = word;
        if (hasSymbol(w)) {
            if (hasInnerMask(w)) {
                String unmasked = lexicon.unmask(decodeLeet(w));
                if (unmasked != null) {
                    return unmasked;
                }
            }
            w = decodeLeetSymbols(w);
        }
        if (hasDigit(w) && hasLetter(w) && !NUMERIC.matcher(w).matches()) {
            String a = decodeLeet(w);
            if (lexicon.contains(a) || Vocabulary.TOKENS.containsKey(a)) {
                w = a;
            } else {
                String b = decodeLeet(w.replace('1', 'l'));
                if (lexicon.contains(b) || Vocabulary.TOKENS.containsKey(b)) {
                    w = b;
                }
            }
        }
        if (hasStretch(w)) {
            w = collapseStretch(w);
        }
        return w;
    }

    private String joinSeparated(String w) {
        if (w.length() < 5) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (i % 2 == 0) {
                if (!(isWordChar(c) || c == '@' || c == '$' || c == '!')) {
                    return null;
                }
                b.append(c);
            } else if (!(c == '.' || c == '-' || c == '_' || c == '*')) {
                return null;
            }
        }
        if (w.length() % 2 == 0) {
            return null;
        }
        String joined = decodeLeet(b.toString());
        return lexicon.contains(joined) || Vocabulary.TOKENS.containsKey(joined) ? joined : null;
    }

    private static boolean hasSymbol(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '@' || c == '$' || c == '!' || c == '|' || c == '€' || Lexicon.isMask(c) || c == '.' || c == '-') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasInnerMask(String w) {
        for (int i = 1; i < w.length() - 1; i++) {
            if (Lexicon.isMask(w.charAt(i))) {
                return true;
            }
        }
        return w.length() > 1 && Lexicon.isMask(w.charAt(w.length() - 1)) && isWordChar(w.charAt(0));
    }

    private static boolean hasDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) >= '0' && w.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) >= 'a' && w.charAt(i) <= 'z') {
                return true;
            }
        }
        return false;
    }

    /** Symbols read as letters when they sit inside a word ({@code k!ll}) or end one ({@code ky$}). */
    private static String decodeLeetSymbols(String w) {
        StringBuilder b = null;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean inner = i > 0 && i < w.length() - 1 && isWordChar(w.charAt(i - 1));
            boolean last = i == w.length() - 1 && i > 0 && isWordChar(w.charAt(i - 1));
            char r = 0;
            if (c == '@' && inner) {
                r = 'a';
            } else if (c == '$' && (inner || last)) {
                r = 's';
            } else if (c == '!' && inner) {
                r = 'i';
            } else if (c == '|' && inner) {
                r = 'l';
            } else if (c == '€' && (inner || last)) {
                r = 'e';
            }
            if (r != 0) {
                if (b == null) {
                    b = new StringBuilder(w);
                }
                b.setCharAt(i, r);
            }
        }
        return b == null ? w : b.toString();
    }

    static String decodeLeet(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            b.append(
                    switch (c) {
                        case '0' -> 'o';
                        case '1', '!' -> 'i';
                        case '3', '€' -> 'e';
                        case '4', '@' -> 'a';
                        case '5', '$' -> 's';
                        case '7' -> 't';
                        case '|' -> 'l';
                        default -> c;
                    });
        }
        return b.toString();
    }

    /** {@code self-harm} → {@code self harm}, {@code and/or} → {@code and or}. */
    private static String splitCompound(String w) {
        if (w.indexOf('-') < 0 && w.indexOf('/') < 0) {
            return w;
        }
        StringBuilder b = new StringBuilder(w);
        for (int i = 1; i < b.length() - 1; i++) {
            char c = b.charAt(i);
            if ((c == '-' || c == '/') && isWordOrMask(b.charAt(i - 1)) && isWordOrMask(b.charAt(i + 1))) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    private static boolean isWordOrMask(char c) {
        return Character.isLetter(c) || Lexicon.isMask(c) || c == '!' || c == '$' || c == '@' || Character.isDigit(c);
    }

    private static boolean hasStretch(String w) {
        for (int i = 2; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c) && c == w.charAt(i - 1) && c == w.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    private String collapseStretch(String w) {
        String two = collapse(w, 2);
        if (lexicon.contains(two)) {
            return two;
        }
        String one = collapse(w, 1);
        if (lexicon.contains(one) || Vocabulary.TOKENS.containsKey(one)) {
            return one;
        }
        return two;
    }

    private static String collapse(String w, int keep) {
        StringBuilder b = new StringBuilder(w.length());
        int run = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            run = i > 0 && c == w.charAt(i - 1) ? run + 1 : 1;
            int runLength = run;
            int k = i + 1;
            while (k < w.length() && w.charAt(k) == c) {
                k++;
                runLength++;
            }
            boolean stretched = Character.isLetter(c) && runLength >= 3;
            if (!stretched || run <= keep) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
