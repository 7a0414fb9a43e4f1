package dev.modpipe.classifier.model;

import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.naivebayes.NaiveBayesModel;

/**
 * The trained models: per category two binary OpenNLP document categorizers (the category against
 * everything else), a maxent and a naive Bayes one, blended into one calibrated score ({@link
 * Calibration}); per category a categorizer of its subcategories; and two categorizers of the
 * self-harm risk level (maxent and naive Bayes, mixed); and the crisis pair (a HIGH or IMMINENT
 * self-harm post against every other post, maxent and naive Bayes, blended and calibrated like a
 * category); and for MISINFORMATION and SELF_HARM a second binary pair on the surface view of the
 * post ({@link SurfaceFeatureGenerator}), stacked on the first pair's score ({@link Stack}). Loaded once;
 * immutable and thread-safe.
 *
 * <p>Thirteen models are trained on the same features ({@link PostFeatureGenerator}) and the four
 * surface models on theirs, so a post's features of each view are generated once ({@link
 * #features}, {@link Features#surface}) and every model of that view evaluates the same array: a
 * {@link DocumentCategorizerME} would generate them again for each model, and every new feature
 * string would have its hash computed again in each model's predicate map (7 × the work for the
 * maxent models; that was half of the engine's time).
 *
 * <p>{@link #version()} is derived from the artefacts' content (the maxent parameters, the
 * calibration and the cue and claim catalogues, never timestamps), so a reproducible retrain keeps
 * the same version and any change to what the classifier does changes it.
 */
public final class ModelBundle {
    public static final String CLASSPATH_DIR = "/model/";
    public static final String POSITIVE = "yes";
    public static final String NEGATIVE = "no";

    /**
     * What separates a binary target's outcome from the kind of post it stands for: a positive
     * post may be trained as {@code yes~ideation}, a hard negative as {@code no~hn}. The
     * probability of the target is the sum of its {@code yes} outcomes.
     */
    public static final String KIND = "~";

    /** Whether {@code outcome} is {@link #POSITIVE} or one of its kinds. */
    public static boolean isPositive(String outcome) {
        return outcome.equals(POSITIVE) || outcome.startsWith(POSITIVE + KIND);
    }

    /** A categorizer's outcome names, in the order of its probabilities. */
    public static String[] outcomes(DocumentCategorizerME categorizer) {
        String[] names = new String[categorizer.getNumberOfCategories()];
        for (int i = 0; i < names.length; i++) {
            names[i] = categorizer.getCategory(i);
        }
        return names;
    }

    /** The sum of the probabilities of the positive outcomes ({@link #isPositive}). */
    public static double positive(String[] outcomes, double[] probabilities) {
        double sum = 0;
        for (int i = 0; i < outcomes.length; i++) {
            if (isPositive(outcomes[i])) {
                sum += probabilities[i];
            }
        }
        return sum;
    }

    static final String CALIBRATION = "calibration.properties";
    static final String[] CATALOGUES = {"/cues/cues.txt", "/cues/claims.txt"};

    private final Map<Category, Categorizer> categories;
    private final Map<Category, Categorizer> bayes;
    private final Map<Category, Categorizer> subcategories;
    private final Categorizer risk;
    private final Categorizer bayesRisk;
    private final Map<Category, Calibration> calibration;
    private final Categorizer crisis;
    private final Categorizer bayesCrisis;
    private final Calibration crisisCalibration;
    private final Map<Category, Categorizer> surface;
    private final Map<Category, Categorizer> surfaceBayes;
    private final Map<Category, Stack> stacks;
    private final Neighbours neighbours;
    private final String version;

    private ModelBundle(
            Map<Category, Categorizer> categories,
            Map<Category, Categorizer> bayes,
            Map<Category, Categorizer> subcategories,
            Categorizer risk,
            Categorizer bayesRisk,
            Map<Category, Calibration> calibration,
            Categorizer crisis,
            Categorizer bayesCrisis,
            Calibration crisisCalibration,
            Map<Category, Categorizer> surface,
            Map<Category, Categorizer> surfaceBayes,
            Map<Category, Stack> stacks,
            Neighbours neighbours,
            String version) {
        this.categories = categories;
        this.bayes = bayes;
        this.subcategories = subcategories;
        this.risk = risk;
        this.bayesRisk = bayesRisk;
        this.calibration = calibration;
        this.crisis = crisis;
        this.bayesCrisis = bayesCrisis;
        this.crisisCalibration = crisisCalibration;
        this.surface = surface;
        this.surfaceBayes = surfaceBayes;
        this.stacks = stacks;
        this.neighbours = neighbours;
        this.version = version;
    }

    /** File name of a category's binary maxent model. */
    public static String categoryFile(Category c) {
        return c.name().toLowerCase(Locale.ROOT) + ".bin";
    }

    /** File name of a category's binary naive Bayes model. */
    public static String bayesFile(Category c) {
        return c.name().toLowerCase(Locale.ROOT) + ".nb.bin";
    }

    public static String bayesRiskFile() {
        return "self_harm-risk.nb.bin";
    }

    /**
     * The categories whose score stacks a surface pair on the main pair: all three since round 13.
     * HARMFUL's joined once its binary models weighed hard negatives more ({@code
     * Trainer.weight}); alone, at the same threshold, it had added hard-negative false positives on
     * the blind sets (module README, Rounds 12 and 13). Iterated in the categories' order, which is
     * the order of their models in the surface view's index.
     */
    public static final Set<Category> STACKED = Collections.unmodifiableSet(EnumSet.allOf(Category.class));

    /** File name of a category's binary maxent model on the surface view ({@link SurfaceFeatureGenerator}). */
    public static String surfaceFile(Category c) {
        return c.name().toLowerCase(Locale.ROOT) + ".surface.bin";
    }

    /** File name of a category's binary naive Bayes model on the surface view. */
    public static String bayesSurfaceFile(Category c) {
        return c.name().toLowerCase(Locale.ROOT) + ".surface.nb.bin";
    }

    /** File name of a category's subcategory model. */
    public static String subcategoryFile(Category c) {
        return c.name().toLowerCase(Locale.ROOT) + "-subcategories.bin";
    }

    public static String riskFile() {
        return "self_harm-risk.bin";
    }

    /** Name of the crisis target (a self-harm post at HIGH or IMMINENT risk) in the calibration file. */
    public static final String CRISIS = "CRISIS";

    public static String crisisFile() {
        return "self_harm-crisis.bin";
    }

    public static String bayesCrisisFile() {
        return "self_harm-crisis.nb.bin";
    }

    /** Loads the bundle from a directory written by the trainer. */
    public static ModelBundle load(Path dir) {
        return load(name -> {
            Path p = dir.resolve(name);
            return Files.exists(p) ? Files.readAllBytes(p) : null;
        });
    }

    /** Loads the bundle built into the jar ({@code /model/}). */
    public static ModelBundle fromClasspath() {
        return load(name -> readResource(CLASSPATH_DIR + name));
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = ModelBundle.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    @FunctionalInterface
    private interface Source {
        byte[] read(String name) throws IOException;
    }

    private static ModelBundle load(Source source) {
        PostFeatureGenerator.allow();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // the main view's thirteen models, in their slots of the shared index
            List<String> files = new ArrayList<>();
            for (Category c : Category.values()) {
                files.add(categoryFile(c));
            }
            for (Category c : Category.values()) {
                files.add(subcategoryFile(c));
            }
            for (Category c : Category.values()) {
                files.add(bayesFile(c));
            }
            files.addAll(List.of(riskFile(), bayesRiskFile(), crisisFile(), bayesCrisisFile()));
            List<Categorizer> main = categorizers(source, files, digest, PostFeatureGenerator.class);
            int n = Category.values().length;
            Map<Category, Categorizer> cats = new EnumMap<>(Category.class);
            Map<Category, Categorizer> subs = new EnumMap<>(Category.class);
            Map<Category, Categorizer> bayes = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                cats.put(c, main.get(c.ordinal()));
                subs.put(c, main.get(n + c.ordinal()));
                bayes.put(c, main.get(2 * n + c.ordinal()));
            }
            Categorizer risk = main.get(3 * n);
            Categorizer bayesRisk = main.get(3 * n + 1);
            // the surface view's models, loaded once the main view's are garbage
            List<Category> stacked = List.copyOf(STACKED);
            List<String> surfaceFiles = new ArrayList<>();
            for (Category c : stacked) {
                surfaceFiles.addAll(List.of(surfaceFile(c), bayesSurfaceFile(c)));
            }
            List<Categorizer> surfaceView = categorizers(source, surfaceFiles, digest, SurfaceFeatureGenerator.class);
            Map<Category, Categorizer> surface = new EnumMap<>(Category.class);
            Map<Category, Categorizer> surfaceBayes = new EnumMap<>(Category.class);
            for (int i = 0; i < stacked.size(); i++) {
                surface.put(stacked.get(i), surfaceView.get(2 * i));
                surfaceBayes.put(stacked.get(i), surfaceView.get(2 * i + 1));
            }
            byte[] neighbourBytes = require(source, Neighbours.FILE);
            digest.update(Neighbours.FILE.getBytes(StandardCharsets.UTF_8));
            digest.update(neighbourBytes);
            Neighbours neighbours = Neighbours.read(new ByteArrayInputStream(neighbourBytes));
            byte[] calibrationBytes = require(source, CALIBRATION);
            digest.update(calibrationBytes);
            for (String catalogue : CATALOGUES) {
                byte[] bytes = readResource(catalogue);
                if (bytes != null) {
                    digest.update(bytes);
                }
            }
            Properties props = new Properties();
            props.load(new StringReader(new String(calibrationBytes, StandardCharsets.UTF_8)));
            Map<Category, Calibration> calibration = new EnumMap<>(Category.class);
            Map<Category, Stack> stacks = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                calibration.put(c, calibration(props, c.name()));
                stacks.put(c, STACKED.contains(c) ? stack(props, c.name()) : Stack.IDENTITY);
            }
            String version = "opennlp-maxent-nb-"
                    + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            return new ModelBundle(
                    Map.copyOf(cats),
                    Map.copyOf(bayes),
                    Map.copyOf(subs),
                    risk,
                    bayesRisk,
                    Map.copyOf(calibration),
                    main.get(3 * n + 2),
                    main.get(3 * n + 3),
                    calibration(props, CRISIS),
                    Map.copyOf(surface),
                    Map.copyOf(surfaceBayes),
                    Map.copyOf(stacks),
                    neighbours,
                    version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the classifier models", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Calibration calibration(Properties props, String name) {
        return new Calibration(platt(props, name), platt(props, name + ".nb"), platt(props, name + ".blend"));
    }

    /**
     * The models in {@code files}, each evaluated through one shared index built over them all, in
     * the order given. Each model is read, folded into the index and let go before the next is read
     * (about 25 MB each as OpenNLP loads them): the load never holds more than one model beside the
     * index, and only the outcome names and the index outlive this call.
     */
    private static List<Categorizer> categorizers(
            Source source, List<String> files, MessageDigest digest, Class<? extends FeatureGenerator> features)
            throws IOException {
        SharedIndex.Builder builder = new SharedIndex.Builder();
        List<String[]> outcomes = new ArrayList<>(files.size());
        List<MaxentModel> unindexed = new ArrayList<>(files.size());
        for (String file : files) {
            MaxentModel model = model(source, file, digest, features).getMaxentModel();
            outcomes.add(outcomeNames(model));
            unindexed.add(builder.add(model) ? null : model);
        }
        SharedIndex index = builder.build();
        List<Categorizer> categorizers = new ArrayList<>(files.size());
        for (int slot = 0; slot < files.size(); slot++) {
            categorizers.add(new Categorizer(outcomes.get(slot), unindexed.get(slot), slot, index));
        }
        return categorizers;
    }

    /** The model's outcome names, in the order of its outcome indices. */
    static String[] outcomeNames(MaxentModel model) {
        String[] names = new String[model.getNumOutcomes()];
        for (int i = 0; i < names.length; i++) {
            names[i] = model.getOutcome(i);
        }
        return names;
    }

    private static Stack stack(Properties props, String name) {
        String prefix = name + ".stack.";
        return new Stack(
                Double.parseDouble(props.getProperty(prefix + "bias", "0")),
                Double.parseDouble(props.getProperty(prefix + "main", "1")),
                Double.parseDouble(props.getProperty(prefix + "maxent", "0")),
                Double.parseDouble(props.getProperty(prefix + "bayes", "0")),
                Double.parseDouble(props.getProperty(prefix + "near", "0")),
                Double.parseDouble(props.getProperty(prefix + "hardNegatives", "0")),
                Double.parseDouble(props.getProperty(prefix + "close", "0")));
    }

    private static Platt platt(Properties props, String prefix) {
        return new Platt(
                Double.parseDouble(props.getProperty(prefix + ".a", "1")),
                Double.parseDouble(props.getProperty(prefix + ".b", "0")));
    }

    /**
     * The calibration entries of one binary target (a category's name, or {@link #CRISIS}), as the
     * trainer writes them; a target without a surface pair has the {@link Stack#IDENTITY} stack.
     */
    public static String calibrationEntries(String name, Calibration calibration, Stack stack) {
        StringBuilder b = new StringBuilder();
        entry(b, name, calibration.maxent());
        entry(b, name + ".nb", calibration.bayes());
        entry(b, name + ".blend", calibration.blend());
        b.append(String.format(
                Locale.ROOT,
                "%1$s.stack.bias=%2$.6f%n%1$s.stack.main=%3$.6f%n%1$s.stack.maxent=%4$.6f%n%1$s.stack.bayes=%5$.6f%n"
                        + "%1$s.stack.near=%6$.6f%n%1$s.stack.hardNegatives=%7$.6f%n%1$s.stack.close=%8$.6f%n",
                name,
                stack.bias(),
                stack.main(),
                stack.maxent(),
                stack.bayes(),
                stack.near(),
                stack.hardNegatives(),
                stack.close()));
        return b.toString();
    }

    private static void entry(StringBuilder b, String prefix, Platt p) {
        b.append(String.format(Locale.ROOT, "%s.a=%.6f%n%s.b=%.6f%n", prefix, p.a(), prefix, p.b()));
    }

    private static byte[] require(Source source, String name) throws IOException {
        byte[] bytes = source.read(name);
        if (bytes == null) {
            throw new IOException("model artefact " + name
                    + " is missing: run the build (it trains the models) or the 'train' command");
        }
        return bytes;
    }

    private static DoccatModel model(
            Source source, String name, MessageDigest digest, Class<? extends FeatureGenerator> features)
            throws IOException {
        byte[] bytes = require(source, name);
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update(contentDigest(bytes));
        DoccatModel model = new DoccatModel(new ByteArrayInputStream(bytes));
        FeatureGenerator[] generators = model.getFactory().getFeatureGenerators();
        if (generators.length != 1 || generators[0].getClass() != features) {
            throw new IOException("model artefact " + name + " was not trained on " + features.getSimpleName()
                    + " features alone: retrain it");
        }
        return model;
    }

    /** A digest of a model zip's entries, leaving out the manifest (it holds a timestamp). */
    static byte[] contentDigest(byte[] modelZip) throws IOException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            Map<String, byte[]> entries = new HashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(modelZip))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (!e.getName().equals("manifest.properties")) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        zip.transferTo(out);
                        entries.put(e.getName(), out.toByteArray());
                    }
                }
            }
            entries.keySet().stream().sorted().forEach(name -> {
                d.update(name.getBytes(StandardCharsets.UTF_8));
                d.update(entries.get(name));
            });
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String version() {
        return version;
    }

    /**
     * What every model reads: the features of a post's document, generated once, and (on first use)
     * each feature's parameters in every model of the view, found with one map lookup per feature
     * for all of them. One per post, used by one thread.
     */
    public static final class Features {
        private final String[] context;
        /**
         * For the surface view, the text whose every {@link SurfaceFeatureGenerator#GRAM}-character
         * window is a feature too, after {@link #context}; null for the main view.
         */
        private final String grams;
        /** The document (the main view's); null for the surface view. */
        private final String[] document;

        private Features surface;
        private Neighbours.Neighbourhood neighbourhood;
        private SharedIndex summedBy;
        private double[] sums;

        private Features(String[] context, String grams, String[] document) {
            this.context = context;
            this.grams = grams;
            this.document = document;
        }

        /** Whether the document holds {@code token} (a scorer that is not a model reads it so). */
        public boolean contains(String token) {
            return document != null && Arrays.asList(document).contains(token);
        }

        /** What the post's nearest posts in {@code memory} were, searched on first use. */
        Neighbours.Neighbourhood neighbourhood(Neighbours memory) {
            if (neighbourhood == null) {
                neighbourhood = memory.near(document);
            }
            return neighbourhood;
        }

        /** The surface view's features ({@link SurfaceFeatureGenerator}), generated on first use. */
        Features surface() {
            if (surface == null) {
                SurfaceFeatureGenerator.Parts parts = SurfaceFeatureGenerator.parts(document);
                surface = new Features(parts.others().toArray(String[]::new), parts.joined(), null);
            }
            return surface;
        }

        private int windows() {
            return grams == null ? 0 : Math.max(0, grams.length() - SurfaceFeatureGenerator.GRAM + 1);
        }

        /** Every feature as a string, in the order a model's own evaluation would read them. */
        String[] strings() {
            String[] all = Arrays.copyOf(context, context.length + windows());
            for (int i = 0; i < windows(); i++) {
                all[context.length + i] = grams.substring(i, i + SurfaceFeatureGenerator.GRAM);
            }
            return all;
        }

        /**
         * The rows of the post's features in {@code index}, added up in feature order: at each
         * slot's outcomes, the sum that slot's model evaluation starts from. One pass over the rows
         * serves all the index's models (each row is read once, not once per model), and each
         * outcome's sum is made of the same terms in the same order as a pass per model would add.
         */
        double[] sums(SharedIndex index) {
            if (summedBy != index) {
                // the rows are found first, then added: short independent lookups in a row let the
                // processor wait for several rows' memory at once
                double[][] rows = new double[size()][];
                for (int i = 0; i < context.length; i++) {
                    rows[i] = index.row(context[i]);
                }
                for (int i = 0; i < windows(); i++) {
                    rows[context.length + i] = index.grams.get(SurfaceFeatureGenerator.pack(grams, i));
                }
                double[] total = new double[index.width];
                for (double[] row : rows) {
                    add(total, row);
                }
                sums = total;
                summedBy = index;
            }
            return sums;
        }

        private static void add(double[] total, double[] row) {
            if (row != null) {
                for (int o = 0; o < total.length; o++) {
                    total[o] += row[o];
                }
            }
        }

        int size() {
            return context.length + windows();
        }
    }

    /** The features of a document (the tokens and cue tokens of {@code FeatureExtractor}). */
    public static Features features(String[] document) {
        List<String> context =
                FEATURES.extractFeatures(document, Map.of()).stream().toList();
        return new Features(context.toArray(String[]::new), null, document);
    }

    private static final PostFeatureGenerator FEATURES = new PostFeatureGenerator();

    /**
     * The calibrated probability that the post belongs to {@code category}: the main pair blended
     * ({@link Calibration}), then, for the {@link #STACKED} categories, stacked with the surface
     * pair ({@link Stack}).
     */
    public double score(Category category, Features features) {
        double main = mainScore(category, features);
        if (!STACKED.contains(category)) {
            return main;
        }
        Neighbours.Neighbourhood near = features.neighbourhood(neighbours);
        Features view = features.surface();
        return stacks.get(category)
                .apply(
                        main,
                        surface.get(category).probability(view, POSITIVE),
                        surfaceBayes.get(category).probability(view, POSITIVE),
                        category,
                        near);
    }

    /** The main pair's calibrated blend, what the stack starts from. */
    private double mainScore(Category category, Features features) {
        return calibration
                .get(category)
                .apply(rawScore(category, features), bayes.get(category).probability(features, POSITIVE));
    }

    /**
     * {@link #score}, when it can reach {@code bar}; NaN when it provably stays under {@code bar}
     * by more than {@link #BAR_MARGIN}. The surface view is read only when the main pair's score
     * leaves the bar within reach, and the nearest posts (the search is a fifth of a post's time)
     * only when the surface pair leaves it within reach too: most passages of a long post are far
     * from the bar a passage must reach to stand for the post.
     */
    public double scoreReaching(Category category, Features features, double bar) {
        double main = mainScore(category, features);
        if (!STACKED.contains(category)) {
            return main;
        }
        Stack stack = stacks.get(category);
        double under = bar - BAR_MARGIN;
        if (stack.upperBound(main) < under) {
            return Double.NaN;
        }
        Features view = features.surface();
        double viewMaxent = surface.get(category).probability(view, POSITIVE);
        double viewBayes = surfaceBayes.get(category).probability(view, POSITIVE);
        if (stack.upperBound(main, viewMaxent, viewBayes) < under) {
            return Double.NaN;
        }
        return stack.apply(main, viewMaxent, viewBayes, category, features.neighbourhood(neighbours));
    }

    /**
     * How far under its bar {@link #scoreReaching} must prove a score before it answers NaN: more
     * than the engine's rounding of scores to four decimals could make up.
     */
    static final double BAR_MARGIN = 1e-4;

    /** The stack of {@code category}'s final score ({@link Stack#IDENTITY} when it has no surface pair). */
    public Stack stack(Category category) {
        return stacks.get(category);
    }

    Categorizer surfaceCategorizer(Category category) {
        return surface.get(category);
    }

    Categorizer surfaceBayesCategorizer(Category category) {
        return surfaceBayes.get(category);
    }

    /**
     * The calibrated probability that the post is a self-harm post at HIGH or IMMINENT risk, from
     * the crisis models, trained against every other post, hard negatives included.
     */
    public double crisis(Features features) {
        return crisisCalibration.apply(
                crisis.probability(features, POSITIVE), bayesCrisis.probability(features, POSITIVE));
    }

    /** The crisis models' calibration (Platt scaling of each, then of their blend). */
    public Calibration crisisCalibration() {
        return crisisCalibration;
    }

    /** The maxent categorizer's uncalibrated probability for {@code category}. */
    public double rawScore(Category category, Features features) {
        return categories.get(category).probability(features, POSITIVE);
    }

    /** The probability of each subcategory of {@code category}, given that the post belongs to it. */
    public Map<Subcategory, Double> subcategories(Category category, Features features) {
        Map<String, Double> byKey = subcategories.get(category).distribution(features);
        Map<Subcategory, Double> result = new EnumMap<>(Subcategory.class);
        for (Subcategory s : Subcategory.values()) {
            if (s.category() == category) {
                result.put(s, byKey.getOrDefault(s.key(), 0.0));
            }
        }
        return result;
    }

    /** The probability of each risk level, given that the post is about self-harm (the two models mixed). */
    public Map<RiskLevel, Double> risk(Features features) {
        Map<String, Double> maxent = risk.distribution(features);
        Map<String, Double> nb = bayesRisk.distribution(features);
        Map<RiskLevel, Double> result = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            result.put(
                    level, Calibration.mix(maxent.getOrDefault(level.name(), 0.0), nb.getOrDefault(level.name(), 0.0)));
        }
        return result;
    }

    /**
     * The risk distribution of each of the two models before they are mixed ({@code maxent},
     * {@code bayes}), for reading how far they agree.
     */
    public Map<String, Map<String, Double>> riskByLearner(Features features) {
        return Map.of("maxent", risk.distribution(features), "bayes", bayesRisk.distribution(features));
    }

    Categorizer bayesCategorizer(Category category) {
        return bayes.get(category);
    }

    public Calibration calibration(Category category) {
        return calibration.get(category);
    }

    /**
     * The predicates of all the models in one map: feature → one row of parameters for all the
     * models side by side (each model's outcomes at its {@link #offset}: maxent parameters, or naive
     * Bayes log terms; 0 where a model does not know the feature or gives an outcome nothing).
     * It holds the models that are OpenNLP's {@link QNModel} or {@link NaiveBayesModel} (what the
     * trainer writes; any other model is evaluated by its own categorizer); evaluation then adds the
     * same values in the same order as {@code QNModel.eval} and {@code NaiveBayesModel.eval}, plus
     * zeros, which change no sum, so results are the same (checked by {@code ModelBundleTest} and
     * {@code SharedIndexTest}), with one hash lookup per feature instead of thirteen and one
     * contiguous row per feature instead of thirteen scattered objects, added up once for all the
     * models ({@link Features#sums}).
     */
    static final class SharedIndex {
        /**
         * Rows of the features of other lengths than {@link SurfaceFeatureGenerator#GRAM}, by the
         * feature's 64-bit {@link FeatureHash}. A feature's string is made anew for every post, so a
         * {@code HashMap} would hash it anyway, then walk to an entry, its key and the key's
         * characters to compare them, and then to the row: four dependent memory reads per feature,
         * mostly cache misses in a table of some 190,000 features. Here the hash leads to a slot of
         * a {@code long[]} and then to the row. {@link Builder#build} refuses two features of one
         * hash, so every feature a model knows finds its own row; a feature no model knows finds a
         * row only if its hash equals a known feature's, about once in 10<sup>14</sup> lookups.
         */
        private final FeatureRows byFeature;
        /** Rows of the features of {@link SurfaceFeatureGenerator#GRAM} characters, by their packed characters. */
        private final FeatureRows grams;
        /** Per slot, where its outcomes start in a row. */
        private final int[] offset;
        /** Per slot, the naive Bayes model's evaluation parameters; {@code null} for a maxent slot. */
        private final Bayes[] bayes;
        /** The length of every row: all the slots' outcomes. */
        private final int width;

        private SharedIndex(FeatureRows byFeature, FeatureRows grams, int[] offset, Bayes[] bayes, int width) {
            this.byFeature = byFeature;
            this.grams = grams;
            this.offset = offset;
            this.bayes = bayes;
            this.width = width;
        }

        /** The row of a feature, or null when no model knows it. */
        double[] row(String feature) {
            return packed(feature)
                    ? grams.get(SurfaceFeatureGenerator.pack(feature, 0))
                    : byFeature.get(FeatureHash.of(feature));
        }

        /** Whether a feature's row is kept by its packed characters rather than by its string. */
        private static boolean packed(String feature) {
            return feature.length() == SurfaceFeatureGenerator.GRAM;
        }

        /**
         * Builds the index one model at a time, each in the next slot. A row is as wide as the slots
         * of the models added so far that know its feature, and {@link #build} pads every row to the
         * full width, so evaluation reads any slot's outcomes without a bounds check. Not
         * thread-safe.
         */
        static final class Builder {
            private final Map<String, double[]> byFeature = new HashMap<>();
            private final FeatureRows grams = new FeatureRows();
            private final List<Integer> offsets = new ArrayList<>();
            private final List<Bayes> bayes = new ArrayList<>();
            private int width;

            /**
             * Adds {@code model}'s parameters in the next slot; false, and the slot left empty, when
             * it is neither a QN maxent nor a naive Bayes model (its categorizer then evaluates it
             * itself).
             */
            @SuppressWarnings("unchecked")
            boolean add(MaxentModel model) {
                int start = width;
                offsets.add(start);
                if (!(model instanceof QNModel || model instanceof NaiveBayesModel)) {
                    bayes.add(null);
                    return false;
                }
                Bayes nb = model instanceof NaiveBayesModel naiveBayes ? new Bayes(naiveBayes) : null;
                bayes.add(nb);
                int end = start + model.getNumOutcomes();
                width = end;
                Map<String, Context> predicates = (Map<String, Context>) ((AbstractModel) model).getDataStructures()[1];
                predicates.forEach((feature, context) -> {
                    Context c = nb == null ? context : nb.logTerms(context);
                    double[] row = widened(feature, end);
                    int[] outcomes = c.getOutcomes();
                    double[] parameters = c.getParameters();
                    for (int i = 0; i < outcomes.length; i++) {
                        row[start + outcomes[i]] = parameters[i];
                    }
                });
                return true;
            }

            /** The feature's row, at least {@code width} wide (zeros where no model gave a value). */
            private double[] widened(String feature, int width) {
                boolean packed = packed(feature);
                long key = packed ? SurfaceFeatureGenerator.pack(feature, 0) : 0;
                double[] row = packed ? grams.get(key) : byFeature.get(feature);
                if (row != null && row.length >= width) {
                    return row;
                }
                double[] wider = row == null ? new double[width] : Arrays.copyOf(row, width);
                if (packed) {
                    grams.put(key, wider);
                } else {
                    byFeature.put(feature, wider);
                }
                return wider;
            }

            /**
             * The index, every row padded to the full width.
             *
             * @throws IllegalStateException if two features share a {@link FeatureHash} (then one would
             *     read the other's row)
             */
            SharedIndex build() {
                int full = width;
                UnaryOperator<double[]> padded = row -> row.length < full ? Arrays.copyOf(row, full) : row;
                FeatureRows hashed = new FeatureRows();
                Map<Long, String> owners = new HashMap<>();
                byFeature.forEach((feature, row) -> {
                    long key = FeatureHash.of(feature);
                    String owner = owners.putIfAbsent(key, feature);
                    if (owner != null) {
                        throw new IllegalStateException(
                                "features '" + owner + "' and '" + feature + "' share the hash " + key);
                    }
                    hashed.put(key, padded.apply(row));
                });
                grams.replaceAll(padded);
                return new SharedIndex(
                        hashed,
                        grams,
                        offsets.stream().mapToInt(Integer::intValue).toArray(),
                        bayes.toArray(new Bayes[0]),
                        full);
            }
        }
    }

    /**
     * What a naive Bayes model's evaluation needs beyond its counts: each outcome's total count and
     * log prior, and OpenNLP's smoothing. Its per-feature log terms depend only on the model, so the
     * shared index holds them computed once ({@link #logTerms}) instead of the raw counts.
     */
    static final class Bayes {
        /** OpenNLP's Lidstone smoothing constant of naive Bayes counts. */
        private static final double DELTA = 0.05;

        private final double[] totals;
        private final double[] logPriors;
        private final double smoothing;

        Bayes(NaiveBayesModel nb) {
            Context[] params = (Context[]) nb.getDataStructures()[0];
            totals = new double[nb.getNumOutcomes()];
            for (Context c : params) {
                for (int j = 0; j < c.getOutcomes().length; j++) {
                    totals[c.getOutcomes()[j]] += c.getParameters()[j];
                }
            }
            double total = 0;
            for (double t : totals) {
                total += t;
            }
            logPriors = new double[totals.length];
            for (int i = 0; i < totals.length; i++) {
                logPriors[i] = StrictMath.log(totals[i] / total);
            }
            smoothing = DELTA * params.length;
        }

        /**
         * A feature's smoothed log likelihood per outcome, as OpenNLP's evaluation adds them: it
         * walks the feature's recorded outcomes in order and stops at the last one, so an outcome
         * after it gets no term.
         */
        Context logTerms(Context counts) {
            int[] outcomes = counts.getOutcomes();
            double[] values = counts.getParameters();
            int last = outcomes.length == 0 ? -1 : outcomes[outcomes.length - 1];
            int[] all = new int[last + 1];
            double[] terms = new double[last + 1];
            int a = 0;
            for (int i = 0; i <= last; i++) {
                double count = outcomes[a] == i ? values[a++] : 0;
                all[i] = i;
                terms[i] = StrictMath.log((count + DELTA) / (totals[i] + smoothing));
            }
            return new Context(all, terms);
        }

        /** Normalises summed log terms into probabilities, as OpenNLP does (from the largest). */
        double[] probabilities(double[] log) {
            double highest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < log.length; i++) {
                log[i] += logPriors[i];
                highest = Math.max(highest, log[i]);
            }
            double sum = 0;
            for (int i = 0; i < log.length; i++) {
                log[i] = StrictMath.exp(log[i] - highest);
                sum += log[i];
            }
            for (int i = 0; i < log.length; i++) {
                log[i] /= sum;
            }
            return log;
        }
    }

    /**
     * One OpenNLP categorizer, evaluated on features generated already (what {@link
     * DocumentCategorizerME#categorize} does after generating them): through the {@link SharedIndex}
     * when there is one, else by the maxent model itself. With an index it keeps only its outcome
     * names: the model's own predicate map (a map entry, a {@code Context} and two arrays per feature,
     * about half of the loaded bundle) is left to the garbage collector. Stateless and thread-safe.
     */
    static final class Categorizer {
        /** The model, only when the shared index could not hold it. */
        private final MaxentModel maxent;

        private final String[] outcomes;
        private final int slot;
        private final SharedIndex index;
        /** Naive Bayes on the index only: what its evaluation needs beyond the index's log terms. */
        private final Bayes bayes;

        /**
         * The categorizer in {@code slot} of {@code index}; or, when {@code unindexed} is given (a
         * model the index could not hold), the categorizer that evaluates that model itself.
         */
        Categorizer(String[] outcomes, MaxentModel unindexed, int slot, SharedIndex index) {
            this.outcomes = outcomes.clone();
            this.maxent = unindexed;
            this.slot = slot;
            this.index = index;
            this.bayes = unindexed == null ? index.bayes[slot] : null;
        }

        /**
         * Sums the index entries of the post's features per outcome, in feature order: maxent
         * parameters, or naive Bayes log terms; then normalises as the model's own evaluation does.
         */
        private double[] eval(Features features) {
            if (maxent != null) {
                return maxent.eval(features.strings());
            }
            int start = index.offset[slot];
            double[] probs = Arrays.copyOfRange(features.sums(index), start, start + outcomes.length);
            if (bayes != null) {
                return bayes.probabilities(probs);
            }
            double logSumExp = ArrayMath.logSumOfExps(probs);
            for (int o = 0; o < probs.length; o++) {
                probs[o] = StrictMath.exp(probs[o] - logSumExp);
            }
            return probs;
        }

        double probability(Features features, String category) {
            if (category.equals(POSITIVE)) {
                return positive(outcomes, eval(features));
            }
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i].equals(category)) {
                    return eval(features)[i];
                }
            }
            return 0.0;
        }

        Map<String, Double> distribution(Features features) {
            double[] p = eval(features);
            Map<String, Double> result = new HashMap<>();
            for (int i = 0; i < p.length; i++) {
                result.put(outcomes[i], p[i]);
            }
            return result;
        }
    }
}
