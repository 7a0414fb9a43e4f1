package dev.modpipe.classifier.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * The categorizers' feature generator: bag of words, word bigrams, crude stems (so that {@code
 * killing}, {@code killed} and {@code kills} share a feature), word classes ({@link WordClasses})
 * and concepts ({@link Concepts}), every pair of the classes and concepts a post holds, and the
 * engine's cue and claim tokens ({@code #sh.intent}, {@code #claim|neg}) as features of their own. Stateless and
 * thread-safe; OpenNLP instantiates it by class name when a model is loaded, so it keeps a public
 * no-argument constructor.
 */
public class PostFeatureGenerator implements FeatureGenerator {
    static {
        allow();
    }

    /**
     * OpenNLP only instantiates feature generators from packages it was told to trust; this one is
     * registered before any model of ours is trained or loaded.
     */
    public static void allow() {
        ExtensionLoader.registerAllowedPackage(PostFeatureGenerator.class.getPackageName());
    }

    /**
     * A feature every post has: the models' intercept. OpenNLP's document categorizers have none
     * of their own, so without it a post with few known features scores near an even share of the
     * outcomes whatever the classes' base rates are.
     */
    public static final String BIAS = "^bias";

    public PostFeatureGenerator() {
        // instantiated reflectively by DoccatFactory
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(text.length * 4);
        features.add(BIAS);
        String previous = "<s>";
        String pendingClass = null;
        String previousClass = null;
        int previousClassAt = -10;
        int position = 0;
        TreeSet<String> present = new TreeSet<>();
        for (String token : text) {
            if (token.startsWith("#")) {
                features.add(token);
                continue;
            }
            features.add("w=" + token);
            String stem = stem(token);
            if (!stem.equals(token)) {
                features.add("s=" + stem);
            }
            features.add("b=" + previous + "_" + token);
            String cls = WordClasses.of(token);
            if (pendingClass != null) {
                features.add("cb=" + pendingClass + "_" + token);
            }
            pendingClass = cls;
            for (String concept : Concepts.of(token)) {
                features.add("K=" + concept);
                present.add("K" + concept);
            }
            if (cls != null) {
                present.add(cls);
                features.add("L=" + cls);
                features.add("bc=" + previous + "_" + cls);
                if (previousClass != null && position - previousClassAt <= 3) {
                    features.add("LL=" + previousClass + "_" + cls);
                }
                previousClass = cls;
                previousClassAt = position;
            }
            previous = token;
            position++;
        }
        if (!previous.equals("<s>")) {
            features.add("b=" + previous + "_</s>");
        }
        pairs(present, features);
        return features;
    }

    /**
     * Every pair of the word classes and concepts the post holds, wherever they stand in it
     * ({@code KK=Kconceal+Kfood}, {@code KK=give+plan}): the categorizers are linear, they weigh
     * features one at a time, and "dinner" or "mum" alone says nothing while a post that puts food
     * beside hiding from a parent says a lot. A post's classes and concepts number a dozen or two,
     * so the pairs do too, or a few hundred in a long post.
     */
    private static void pairs(TreeSet<String> present, List<String> features) {
        String[] all = present.toArray(new String[0]);
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                features.add("KK=" + all[i] + "+" + all[j]);
            }
        }
    }

    /** A light suffix stripper, enough to merge inflections of the same word. */
    static String stem(String w) {
        int n = w.length();
        if (n > 5 && w.endsWith("ing")) {
            return w.substring(0, n - 3);
        }
        if (n > 4 && w.endsWith("ed")) {
            return w.substring(0, n - 2);
        }
        if (n > 4 && w.endsWith("ly")) {
            return w.substring(0, n - 2);
        }
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
