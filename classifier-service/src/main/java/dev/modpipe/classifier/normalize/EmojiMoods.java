package dev.modpipe.classifier.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mood an emoji gives a post: laughing, love, cheer, sulking, anger, sadness, prayer, sleep.
 * Normalisation reads only the emoji that name a thing (🔪 knife, 💊 pills) and drops the rest, so
 * a mock threat's 😂 or a goodbye-before-bed's 💤 never reached the models; these moods are model
 * features of their own ({@code #emo.laugh}), outside the normalised text, so that cues, evidence
 * spans and the language guess see the same text as before. Stateless and thread-safe.
 */
public final class EmojiMoods {
    private static final Map<Integer, String> MOODS = new HashMap<>();

    static {
        mood(
                "laugh", 0x1F602, 0x1F923, 0x1F606, 0x1F639, 0x1F604, 0x1F601, 0x1F600, 0x1F603, 0x1F605, 0x1F61D,
                0x1F61C, 0x1F92A, 0x1F61B, 0x1F609);
        mood(
                "love", 0x2764, 0x1F495, 0x1F496, 0x1F497, 0x1F493, 0x1F49E, 0x1F498, 0x1F49D, 0x1F49C, 0x1F499,
                0x1F49A, 0x1F49B, 0x1F9E1, 0x1F90D, 0x1F90E, 0x1FA77, 0x1FA75, 0x1F618, 0x1F970, 0x1F60D, 0x1F63B,
                0x1F917, 0x1FAC2, 0x1F48B);
        mood(
                "cheer", 0x1F389, 0x1F973, 0x1F38A, 0x1F382, 0x1F388, 0x1F37E, 0x1F942, 0x1F393, 0x1F48D, 0x1F3C6,
                0x2728, 0x1F64C, 0x1F44F, 0x1F4AA, 0x1F60A, 0x1F642, 0x263A, 0x1F60E, 0x1F44D, 0x1F91E, 0x2705, 0x2714,
                0x1F31E, 0x2600, 0x1F338, 0x1F33B, 0x1F340, 0x1F308, 0x1F929);
        mood("huff", 0x1F624, 0x1F644, 0x1F612, 0x1F926, 0x1F611, 0x1F610, 0x1F937);
        mood("anger", 0x1F620, 0x1F621, 0x1F92C, 0x1F47F);
        mood(
                "sad", 0x1F62D, 0x1F622, 0x1F97A, 0x1F614, 0x1F61E, 0x1F61F, 0x1F625, 0x1F62A, 0x1F494, 0x1F63F,
                0x1F629, 0x1F62B, 0x1F613, 0x1F641, 0x2639, 0x1F940);
        mood("pray", 0x1F64F);
        mood("sleep", 0x1F4A4, 0x1F634, 0x1F6CC, 0x1F319);
    }

    private EmojiMoods() {}

    private static void mood(String name, int... codePoints) {
        for (int cp : codePoints) {
            MOODS.put(cp, name);
        }
    }

    /** The distinct moods of a text's emoji as model features ({@code #emo.laugh}), in order of first use. */
    public static List<String> features(String text) {
        List<String> found = new ArrayList<>(2);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x2600) {
                continue;
            }
            String mood = MOODS.get(cp);
            if (mood != null) {
                String feature = "#emo." + mood;
                if (!found.contains(feature)) {
                    found.add(feature);
                }
            }
        }
        return found;
    }
}
