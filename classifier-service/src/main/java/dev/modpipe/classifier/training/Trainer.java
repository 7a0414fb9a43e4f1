package dev.modpipe.classifier.training;

import dev.modpipe.classifier.corpus.Corpus;
import dev.modpipe.classifier.corpus.LabelledPost;
import dev.modpipe.classifier.engine.FeatureExtractor;
import dev.modpipe.classifier.engine.FeatureExtractor.Stage;
import dev.modpipe.classifier.model.Calibration;
import dev.modpipe.classifier.model.ModelBundle;
import dev.modpipe.classifier.model.Neighbours;
import dev.modpipe.classifier.model.Neighbours.Neighbourhood;
import dev.modpipe.classifier.model.Platt;
import dev.modpipe.classifier.model.PostFeatureGenerator;
import dev.modpipe.classifier.model.Stack;
import dev.modpipe.classifier.model.SurfaceFeatureGenerator;
import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerEventStream;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractDataIndexer;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.DataIndexerFactory;
import opennlp.tools.ml.naivebayes.NaiveBayesTrainer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the models from the corpus, reproducibly: the train split only (see {@link Corpus}),
 * posts in id order, OpenNLP's L-BFGS maxent ({@code MAXENT_QN}, L2-regularised, one thread, no
 * randomness) and OpenNLP's naive Bayes, fixed hyper-parameters. Steps:
 *
 * <ol>
 *   <li>features of every post, by the engine's own {@link FeatureExtractor};
 *   <li>per category, {@value #FOLDS}-fold cross-validation of two binary categorizers (category vs the rest,
 *       maxent and naive Bayes) on the train split; the out-of-fold probabilities fit the
 *       category's {@link Calibration} (each model's Platt scaling, then the blend's);
 *   <li>for the {@link ModelBundle#STACKED} categories, the same cross-validation of a second pair on the surface view ({@link
 *       View#SURFACE}: character 4-grams and word trigrams); a {@link Stack} fitted on the
 *       out-of-fold calibrated score and the surface pair's out-of-fold probabilities gives the
 *       final score and the cross-validated F1 in the report;
 *   <li>the same for the crisis target ({@link #isCrisis}: a HIGH or IMMINENT self-harm post
 *       against every other post), which the engine's safety net and model-only IMMINENT read;
 *   <li>the final binary categorizers (both views) on the whole train split; a categorizer of subcategories per
 *       category (on that category's posts); two categorizers of the risk level (on self-harm
 *       posts);
 *   <li>the artefacts, a calibration file and a training report in the output directory.
 * </ol>
 */
public final class Trainer {
    public static final String REPORT = "training-report.txt";
    static final double L2_COST = 0.5;
    /**
     * The maxent fits stop when the objective's gradient is this small ({@link Maxent}): on the
     * SELF_HARM model of the full train split, dev's raw probabilities then move by a median of 0.003
     * on the logit scale when one word is added to one training post, and at most 0.05.
     */
    static final double GRADIENT_TOLERANCE = 1.0;
    /** A bound on a maxent fit's iterations, far above what any fit takes (the report shows how many). */
    static final int MAX_ITERATIONS = 2000;
    /** Where a maxent model's manifest records how many iterations its fit took. */
    static final String ITERATIONS_ENTRY = "modpipe-maxent-iterations";
    /** Where a maxent model's manifest records its gradient's norm where the fit stopped. */
    static final String GRADIENT_ENTRY = "modpipe-maxent-gradient-norm";

    static final int CUTOFF = 1;
    static final int SURFACE_CUTOFF = 2;
    /**
     * Folds of the cross-validation whose out-of-fold predictions fit the calibrations and stacks.
     * Round 20 measured 4 against 5 on the same corpus: the same dev and blind figures within a
     * retraining's noise, for 16% less training CPU (each target trains one model per fold).
     */
    static final int FOLDS = 4;

    private final FeatureExtractor extractor;
    private final PrintStream progress;

    public Trainer(FeatureExtractor extractor, PrintStream progress) {
        this.extractor = extractor;
        this.progress = progress;
    }

    /** The outcome: cross-validated figures per category. */
    public record Result(
            Map<Category, CrossValidation> crossValidation,
            CrossValidation crisis,
            int trainPosts,
            int devPosts,
            Map<String, String> maxentFits) {}

    /**
     * Out-of-fold figures of one target's final score at the calibrated 0.5 threshold, with what
     * turns its models' outputs into that score.
     */
    public record CrossValidation(double precision, double recall, double f1, Calibration calibration, Stack stack) {}

    /**
     * The two views of a post the binary categorizers are trained on: the main one ({@link
     * PostFeatureGenerator}, words, stems, pairs, word classes) and the surface one ({@link
     * SurfaceFeatureGenerator}, character 4-grams and word trigrams; many more rare features, so
     * a feature must occur twice).
     */
    enum View {
        MAIN(PostFeatureGenerator::new, CUTOFF),
        SURFACE(SurfaceFeatureGenerator::new, SURFACE_CUTOFF);

        final Supplier<FeatureGenerator> generator;
        final int cutoff;

        View(Supplier<FeatureGenerator> generator, int cutoff) {
            this.generator = generator;
            this.cutoff = cutoff;
        }
    }

    /**
     * The two learners, in the order their predictions are kept: maxent ({@link Maxent}) and
     * OpenNLP's naive Bayes.
     */
    enum Learner {
        MAXENT,
        BAYES
    }

    public Result train(Path corpusDir, Path out) {
        List<LabelledPost> all = Corpus.readDirectory(corpusDir);
        Corpus.Split split = Corpus.split(all);
        progress.printf(
                Locale.ROOT,
                "train: %d posts (%d train, %d dev)%n",
                all.size(),
                split.train().size(),
                split.dev().size());
        return train(split.train(), split.dev().size(), out);
    }

    /**
     * Trains on exactly {@code train} (in the order given; the corpus reader sorts by id) and
     * writes the models to {@code out}; {@code devPosts} is only reported.
     */
    public Result train(List<LabelledPost> train, int devPosts, Path out) {
        long t0 = System.nanoTime();
        List<String[]> docs = new ArrayList<>(train.size());
        for (LabelledPost p : train) {
            docs.add(extractor
                    .extract(p.text(), null, EnumSet.noneOf(Stage.class))
                    .document());
        }
        Map<String, Integer> folds = Corpus.folds(train, FOLDS);
        int[] fold = train.stream().mapToInt(p -> folds.get(p.id())).toArray();

        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            Map<Category, Binary> binaries = new EnumMap<>(Category.class);
            Map<Category, Binary> surfaces = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                Predicate<LabelledPost> inCategory = p -> p.label().equals(c.name());
                binaries.put(
                        c,
                        Binary.submit(
                                pool,
                                View.MAIN,
                                train,
                                docs,
                                fold,
                                inCategory,
                                p -> weight(p, c),
                                c == Category.SELF_HARM));
                if (ModelBundle.STACKED.contains(c)) {
                    surfaces.put(
                            c,
                            Binary.submit(pool, View.SURFACE, train, docs, fold, inCategory, p -> weight(p, c), false));
                }
            }
            Binary crisis =
                    Binary.submit(pool, View.MAIN, train, docs, fold, Trainer::isCrisis, Trainer::crisisWeight, false);
            // queued behind the folds, so that no core idles while the last of them finish
            Map<Category, Future<DoccatModel>> subcategoryModels = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                subcategoryModels.put(c, pool.submit(() -> trainSubcategories(train, docs, c)));
            }
            Future<Map<Learner, DoccatModel>> riskModels = pool.submit(() -> trainRisk(train, docs));
            Category[] labels =
                    train.stream().map(p -> p.category().orElse(null)).toArray(Category[]::new);
            boolean[] hardNegative = new boolean[train.size()];
            for (int i = 0; i < hardNegative.length; i++) {
                hardNegative[i] = train.get(i).hardNegative();
            }
            Neighbourhood[] near = outOfFoldNeighbourhoods(docs, labels, hardNegative, fold);
            Map<Category, CrossValidation> cv = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                cv.put(c, binaries.get(c).crossValidation(fold, surfaces.get(c), c, near));
                progress.println(cvLine("train: " + c, cv.get(c)));
            }
            Files.createDirectories(out);
            Map<String, String> fits = new TreeMap<>();
            for (Category c : Category.values()) {
                fits.put(
                        ModelBundle.categoryFile(c),
                        fitOf(binaries.get(c).models.get().get(Learner.MAXENT)));
                if (surfaces.containsKey(c)) {
                    fits.put(
                            ModelBundle.surfaceFile(c),
                            fitOf(surfaces.get(c).models.get().get(Learner.MAXENT)));
                }
                fits.put(
                        ModelBundle.subcategoryFile(c),
                        fitOf(subcategoryModels.get(c).get()));
            }
            fits.put(ModelBundle.riskFile(), fitOf(riskModels.get().get(Learner.MAXENT)));
            fits.put(ModelBundle.crisisFile(), fitOf(crisis.models.get().get(Learner.MAXENT)));
            for (Category c : Category.values()) {
                writePair(binaries.get(c).models.get(), out, ModelBundle.categoryFile(c), ModelBundle.bayesFile(c));
                if (surfaces.containsKey(c)) {
                    writePair(
                            surfaces.get(c).models.get(),
                            out,
                            ModelBundle.surfaceFile(c),
                            ModelBundle.bayesSurfaceFile(c));
                }
                write(subcategoryModels.get(c).get(), out.resolve(ModelBundle.subcategoryFile(c)));
            }
            writePair(riskModels.get(), out, ModelBundle.riskFile(), ModelBundle.bayesRiskFile());
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out.resolve(Neighbours.FILE)))) {
                Neighbours.build(docs, labels, hardNegative, i -> true).write(o);
            }
            StringBuilder calibration = new StringBuilder(
                    "# Platt scaling fitted on " + FOLDS + "-fold out-of-fold predictions of the train split:"
                            + " maxent, naive Bayes (.nb) and their blend (.blend); then the stack over the blend"
                            + " and the surface pair (.stack)\n");
            for (Category c : Category.values()) {
                calibration.append(ModelBundle.calibrationEntries(
                        c.name(), cv.get(c).calibration(), cv.get(c).stack()));
            }
            CrossValidation crisisCv = crisis.crossValidation(fold, null, null, null);
            progress.println(cvLine("train: " + ModelBundle.CRISIS, crisisCv));
            calibration.append(
                    ModelBundle.calibrationEntries(ModelBundle.CRISIS, crisisCv.calibration(), crisisCv.stack()));
            writePair(crisis.models.get(), out, ModelBundle.crisisFile(), ModelBundle.bayesCrisisFile());
            Files.writeString(out.resolve("calibration.properties"), calibration.toString(), StandardCharsets.UTF_8);
            Result result = new Result(cv, crisisCv, train.size(), devPosts, fits);
            Files.writeString(out.resolve(REPORT), report(result), StandardCharsets.UTF_8);
            progress.printf(
                    Locale.ROOT, "train: models written to %s in %.1f s%n", out, (System.nanoTime() - t0) / 1e9);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One binary target under way in the pool: the final pair on the whole train split, and the two
     * learners trained without each fold, with their probabilities on it (for the calibration).
     */
    private record Binary(
            boolean[] positive, Future<Map<Learner, DoccatModel>> models, List<Future<Map<Learner, double[]>>> folds) {
        static Binary submit(
                ExecutorService pool,
                View view,
                List<LabelledPost> train,
                List<String[]> docs,
                int[] fold,
                Predicate<LabelledPost> isPositive,
                ToIntFunction<LabelledPost> weight,
                boolean byKind) {
            boolean[] positive = new boolean[train.size()];
            int[] weights = new int[train.size()];
            String[] outcomes = new String[train.size()];
            for (int i = 0; i < train.size(); i++) {
                positive[i] = isPositive.test(train.get(i));
                weights[i] = weight.applyAsInt(train.get(i));
                outcomes[i] = outcome(train.get(i), positive[i], byKind);
            }
            Future<Map<Learner, DoccatModel>> models =
                    pool.submit(() -> trainBinary(view, docs, outcomes, weights, -1, fold));
            List<Future<Map<Learner, double[]>>> folds = new ArrayList<>();
            for (int k = 0; k < FOLDS; k++) {
                int held = k;
                folds.add(pool.submit(() -> predictFold(view, docs, outcomes, weights, fold, held)));
            }
            return new Binary(positive, models, folds);
        }

        /**
         * Waits for the folds; fits the calibration on the out-of-fold probabilities, then the stack
         * over the calibrated score and the {@code surface} pair's out-of-fold probabilities (none
         * when {@code surface} is null).
         */
        CrossValidation crossValidation(int[] fold, Binary surface, Category category, Neighbourhood[] near)
                throws InterruptedException, ExecutionException {
            double[] maxent = outOfFold(fold, Learner.MAXENT);
            double[] bayes = outOfFold(fold, Learner.BAYES);
            Platt maxentPlatt = Platt.fit(maxent, positive);
            Platt bayesPlatt = Platt.fit(bayes, positive);
            Calibration unblended = new Calibration(maxentPlatt, bayesPlatt, Platt.IDENTITY);
            double[] score = new double[maxent.length];
            for (int i = 0; i < score.length; i++) {
                score[i] = unblended.blended(maxent[i], bayes[i]);
            }
            Calibration calibration = new Calibration(maxentPlatt, bayesPlatt, Platt.fit(score, positive));
            for (int i = 0; i < score.length; i++) {
                score[i] = calibration.apply(maxent[i], bayes[i]);
            }
            Stack stack = Stack.IDENTITY;
            if (surface != null) {
                double[] surfaceMaxent = surface.outOfFold(fold, Learner.MAXENT);
                double[] surfaceBayes = surface.outOfFold(fold, Learner.BAYES);
                stack = Stack.fit(score, surfaceMaxent, surfaceBayes, category, near, positive);
                for (int i = 0; i < score.length; i++) {
                    score[i] = stack.apply(score[i], surfaceMaxent[i], surfaceBayes[i], category, near[i]);
                }
            }
            return Trainer.crossValidation(score, positive, calibration, stack);
        }

        private double[] outOfFold(int[] fold, Learner learner) throws InterruptedException, ExecutionException {
            double[] oof = new double[fold.length];
            for (int k = 0; k < folds.size(); k++) {
                double[] p = folds.get(k).get().get(learner);
                for (int i = 0; i < fold.length; i++) {
                    if (fold[i] == k) {
                        oof[i] = p[i];
                    }
                }
            }
            return oof;
        }
    }

    /**
     * Each post's nearest posts in a memory of the other folds, as the stack sees a new post's in
     * the memory of the whole train split.
     */
    static Neighbourhood[] outOfFoldNeighbourhoods(
            List<String[]> docs, Category[] labels, boolean[] hardNegative, int[] fold) {
        Neighbourhood[] near = new Neighbourhood[docs.size()];
        for (int k = 0; k < FOLDS; k++) {
            int held = k;
            Neighbours memory = Neighbours.build(docs, labels, hardNegative, i -> fold[i] != held);
            for (int i = 0; i < near.length; i++) {
                if (fold[i] == held) {
                    near[i] = memory.near(docs.get(i));
                }
            }
        }
        return near;
    }

    /** Both learners trained without fold {@code held}, their probabilities on it (0 elsewhere). */
    private static Map<Learner, double[]> predictFold(
            View view, List<String[]> docs, String[] outcomes, int[] weights, int[] fold, int held) throws IOException {
        Map<Learner, double[]> predictions = new EnumMap<>(Learner.class);
        for (Map.Entry<Learner, DoccatModel> e :
                trainBinary(view, docs, outcomes, weights, held, fold).entrySet()) {
            DocumentCategorizerME me = new DocumentCategorizerME(e.getValue());
            String[] names = ModelBundle.outcomes(me);
            double[] p = new double[docs.size()];
            for (int i = 0; i < docs.size(); i++) {
                if (fold[i] == held) {
                    p[i] = ModelBundle.positive(names, me.categorize(docs.get(i)));
                }
            }
            predictions.put(e.getKey(), p);
        }
        return predictions;
    }

    /** A binary categorizer pair, each post counted {@code weights[i]} times, fold {@code heldOutFold} left out. */
    private static Map<Learner, DoccatModel> trainBinary(
            View view, List<String[]> docs, String[] outcomes, int[] weights, int heldOutFold, int[] fold)
            throws IOException {
        List<DocumentSample> samples = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (fold[i] != heldOutFold) {
                for (int k = 0; k < weights[i]; k++) {
                    samples.add(new DocumentSample(outcomes[i], docs.get(i)));
                }
            }
        }
        return fit(samples, EnumSet.allOf(Learner.class), view);
    }

    /**
     * The outcome a post is trained as in a binary target: {@link ModelBundle#NEGATIVE}, or {@link
     * ModelBundle#POSITIVE}; {@code byKind} (the main view's SELF_HARM target) a positive post is
     * trained as its kind, {@code yes~ideation}, {@code yes~intent_plan}, {@code yes~self_injury} or {@code
     * yes~instructions}, and the target's probability is the sum of the four ({@link
     * ModelBundle#positive}). Self-harm posts are said in words that have little in common: a
     * pro-eating-disorder dare, a goodbye, a burn told in medical detail. One maxent weight vector
     * for all of them must average them; one per kind is a softmax over four, which fits each, and
     * naive Bayes counts each kind's words apart. Round 17 (README): cross-validated SELF_HARM F1
     * 0.896 → 0.902, and on the blind sets 3 more HIGH+IMMINENT posts recalled. The surface view
     * stays yes/no: its kinds, measured, added 60 s to every build (its character n-grams are most of the training) for a difference within retraining
     * noise; the negatives split by kind too added 70 s more for nothing on the blind sets.
     */
    static String outcome(LabelledPost p, boolean positive, boolean byKind) {
        if (!positive) {
            return ModelBundle.NEGATIVE;
        }
        if (!byKind || p.subcategory() == null) {
            return ModelBundle.POSITIVE;
        }
        String kind = p.subcategory().substring(p.subcategory().indexOf('/') + 1);
        return ModelBundle.POSITIVE + ModelBundle.KIND + kind;
    }

    /**
     * The crisis target: a self-harm post at HIGH or IMMINENT risk, against every other post. The
     * risk models only learn levels among self-harm posts, so on an ordinary post ("final day at
     * the school, said goodbye to my class") they answer "if this were self-harm, it would be
     * HIGH"; this model has seen the hard negatives.
     */
    static boolean isCrisis(LabelledPost p) {
        return p.label().equals(Category.SELF_HARM.name()) && p.risk().atLeast(RiskLevel.HIGH);
    }

    /** Weights of the crisis target: those of SELF_HARM (hard negatives 3, HIGH and IMMINENT 2). */
    static int crisisWeight(LabelledPost p) {
        return weight(p, Category.SELF_HARM);
    }

    /**
     * How many times a post counts in the binary models of {@code c}: the errors the targets weigh
     * most count more, a hard negative three times (a false positive on it is what a keyword filter
     * does) and, for SELF_HARM, a HIGH or IMMINENT post twice (a miss may cost a life). Chosen by
     * cross-validation: with maxent alone, weighting both by 2 against equal weights took 5-fold CV
     * of the whole engine from 8.2% to 6.9% false positives on hard negatives at the same recall
     * (3 lost recall); with the naive Bayes blend, hard negatives at 3 instead of 2 took false
     * positives from 11.1% to 10.4% for 2 of 1,185 HIGH+IMMINENT posts (round 6). In the HARMFUL
     * models a hard negative counts five times (round 13): with the surface pair stacked on them,
     * HARMFUL recalls more and a heavier weight on its hard negatives (mock threats, scam warnings,
     * reports of abuse) buys back the false positives that brings. A HIGH or IMMINENT post of
     * pro-self-harm or pro-eating-disorder encouragement ({@link Subcategory#INSTRUCTIONS}) counts four
     * times (round 22): said in the words of ordinary food talk ("u dont need dinner u need
     * discipline"), it was most of the HIGH posts dev missed. Against 2, on dev 9 more of its 232
     * recalled (2 fewer of the others) for 6 fewer hard negatives flagged; 3 gave 4 more.
     */
    static int weight(LabelledPost p, Category c) {
        if (p.hardNegative()) {
            return c == Category.HARMFUL ? 5 : 3;
        }
        if (c == Category.SELF_HARM && p.risk().atLeast(RiskLevel.HIGH)) {
            return Subcategory.INSTRUCTIONS.key().equals(p.subcategory()) ? 4 : 2;
        }
        return 1;
    }

    private static DoccatModel trainSubcategories(List<LabelledPost> train, List<String[]> docs, Category c)
            throws IOException {
        List<DocumentSample> samples = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            LabelledPost p = train.get(i);
            if (p.label().equals(c.name()) && p.subcategory() != null) {
                samples.add(new DocumentSample(p.subcategory(), docs.get(i)));
            }
        }
        return fit(samples, EnumSet.of(Learner.MAXENT), View.MAIN).get(Learner.MAXENT);
    }

    private static Map<Learner, DoccatModel> trainRisk(List<LabelledPost> train, List<String[]> docs)
            throws IOException {
        List<DocumentSample> samples = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            LabelledPost p = train.get(i);
            if (p.label().equals(Category.SELF_HARM.name()) && p.risk() != RiskLevel.NONE) {
                samples.add(new DocumentSample(p.risk().name(), docs.get(i)));
            }
        }
        return fit(samples, EnumSet.allOf(Learner.class), View.MAIN);
    }

    /**
     * Trains each of {@code learners} on {@code samples}, indexed once for all of them (features
     * generated, counted, cut off, identical events merged: the naive Bayes counts are the same
     * merged or not, and indexing is a good part of the time of a naive Bayes fit).
     */
    static Map<Learner, DoccatModel> fit(List<DocumentSample> samples, Set<Learner> learners, View view)
            throws IOException {
        PostFeatureGenerator.allow();
        if (samples.stream().map(DocumentSample::getCategory).distinct().count() < 2) {
            throw new IllegalArgumentException("the corpus needs at least two labels (or subcategories, or risk levels)"
                    + " where a categorizer is trained; found only "
                    + (samples.isEmpty() ? "none" : samples.get(0).getCategory()));
        }
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {view.generator.get()});
        DataIndexer indexer = DataIndexerFactory.getDataIndexer(parameters(view), new HashMap<>());
        indexer.index(new DocumentCategorizerEventStream(
                ObjectStreamUtils.createObjectStream(samples), factory.getFeatureGenerators()));
        Map<Learner, DoccatModel> models = new EnumMap<>(Learner.class);
        for (Learner learner : learners) {
            Map<String, String> manifest = new HashMap<>();
            if (learner == Learner.MAXENT) {
                Maxent.Fit fit = Maxent.fit(indexer, L2_COST, GRADIENT_TOLERANCE, MAX_ITERATIONS);
                manifest.put(ITERATIONS_ENTRY, Integer.toString(fit.iterations()));
                manifest.put(GRADIENT_ENTRY, String.format(Locale.ROOT, "%.4g", fit.gradientNorm()));
                models.put(learner, new DoccatModel("en", fit.model(), manifest, factory));
            } else {
                TrainingParameters bayes = parameters(view);
                bayes.put(TrainingParameters.ALGORITHM_PARAM, NaiveBayesTrainer.NAIVE_BAYES_VALUE);
                EventTrainer trainer = TrainerFactory.getEventTrainer(bayes, manifest);
                models.put(learner, new DoccatModel("en", trainer.train(indexer), manifest, factory));
            }
        }
        return models;
    }

    /** How the samples of a fit are indexed (and what naive Bayes is told of it). */
    private static TrainingParameters parameters(View view) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.CUTOFF_PARAM, view.cutoff);
        params.put("PrintMessages", false);
        params.put("DataIndexer", "OnePass");
        params.put(AbstractDataIndexer.SORT_PARAM, true);
        return params;
    }

    private static CrossValidation crossValidation(
            double[] score, boolean[] positive, Calibration calibration, Stack stack) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < score.length; i++) {
            boolean predicted = score[i] >= 0.5;
            if (predicted && positive[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (positive[i]) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new CrossValidation(precision, recall, f1, calibration, stack);
    }

    private static void write(DoccatModel model, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.serialize(bytes);
        Files.write(file, bytes.toByteArray());
    }

    private static String cvLine(String prefix, CrossValidation cv) {
        return String.format(
                Locale.ROOT, "%s cross-validated P=%.3f R=%.3f F1=%.3f", prefix, cv.precision(), cv.recall(), cv.f1());
    }

    private static String reportLine(String target, CrossValidation cv) {
        return String.format(
                Locale.ROOT,
                "  %-15s precision %.3f  recall %.3f  F1 %.3f  blend platt a=%.4f b=%.4f"
                        + "  stack bias=%.3f main=%.3f surface maxent=%.3f bayes=%.3f"
                        + " neighbours near=%.3f hard-negatives=%.3f close=%.3f%n",
                target,
                cv.precision(),
                cv.recall(),
                cv.f1(),
                cv.calibration().blend().a(),
                cv.calibration().blend().b(),
                cv.stack().bias(),
                cv.stack().main(),
                cv.stack().maxent(),
                cv.stack().bayes(),
                cv.stack().near(),
                cv.stack().hardNegatives(),
                cv.stack().close());
    }

    /** How a final maxent model's fit ended, from its manifest: iterations and gradient norm. */
    private static String fitOf(DoccatModel model) {
        return model.getManifestProperty(ITERATIONS_ENTRY) + " iterations, gradient norm "
                + model.getManifestProperty(GRADIENT_ENTRY);
    }

    /** A maxent and naive Bayes pair, to its two files in {@code out}. */
    private static void writePair(Map<Learner, DoccatModel> pair, Path out, String maxentFile, String bayesFile)
            throws IOException {
        write(pair.get(Learner.MAXENT), out.resolve(maxentFile));
        write(pair.get(Learner.BAYES), out.resolve(bayesFile));
    }

    static String report(Result r) {
        StringBuilder b = new StringBuilder();
        b.append("classifier training report\n");
        b.append(String.format(
                Locale.ROOT, "train split: %d posts, dev split: %d posts%n", r.trainPosts(), r.devPosts()));
        b.append(String.format(
                Locale.ROOT,
                "algorithms: maxent (L-BFGS to a gradient norm of %.2g, L2=%.2f, cutoff=%d, 1 thread; written as"
                        + " OpenNLP's QN models) and OpenNLP NAIVEBAYES, blended %.1f / %.1f; for %s a surface pair"
                        + " (character 4-grams, word trigrams, cutoff %d) stacked on the blend with the "
                        + Neighbours.K + " nearest training posts%n",
                GRADIENT_TOLERANCE,
                L2_COST,
                CUTOFF,
                Calibration.MAXENT_WEIGHT,
                1 - Calibration.MAXENT_WEIGHT,
                ModelBundle.STACKED,
                SURFACE_CUTOFF));
        b.append("final maxent fits:\n");
        r.maxentFits()
                .forEach((file, fit) ->
                        b.append("  ").append(file).append(": ").append(fit).append('\n'));
        b.append(FOLDS + "-fold cross-validation on the train split (final score, calibrated, threshold 0.5):\n");
        for (Map.Entry<Category, CrossValidation> e : r.crossValidation().entrySet()) {
            b.append(reportLine(e.getKey().name(), e.getValue()));
        }
        b.append(reportLine(ModelBundle.CRISIS, r.crisis()));
        return b.toString();
    }
}
