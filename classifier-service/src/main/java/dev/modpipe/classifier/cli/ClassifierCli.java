package dev.modpipe.classifier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modpipe.classifier.corpus.Corpus;
import dev.modpipe.classifier.corpus.Evaluation;
import dev.modpipe.classifier.corpus.LabelledPost;
import dev.modpipe.classifier.engine.Classification;
import dev.modpipe.classifier.engine.ClassificationEngine;
import dev.modpipe.classifier.engine.EngineSettings;
import dev.modpipe.classifier.engine.FeatureExtractor;
import dev.modpipe.classifier.engine.Passage;
import dev.modpipe.classifier.engine.PostFeatures;
import dev.modpipe.classifier.engine.RiskRules;
import dev.modpipe.classifier.model.ModelBundle;
import dev.modpipe.classifier.training.Trainer;
import dev.modpipe.model.Category;
import dev.modpipe.model.EventJson;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line: {@code classify}, {@code evaluate} and {@code train}. It runs without Spring,
 * Kafka or a web server ({@link dev.modpipe.classifier.ClassifierApplication} dispatches here
 * before starting Spring). Results go to stdout or {@code --out}; progress and errors to stderr.
 */
public final class ClassifierCli {
    static final String USAGE =
            """
            usage:
              classify --in posts.jsonl --out results.jsonl [--model DIR]
                  lines {"id","text"} in; one line {"id","scores","subcategories","selfHarmRisk","flags","evidence"} out per post
              evaluate --in labelled.jsonl [--model DIR] [--results FILE]
              evaluate --corpus DIR [--split dev|train|all] [--model DIR] [--results FILE]
                  precision/recall/F1 per category, confusion matrices, HIGH+IMMINENT recall, hard-negative FP rate;
                  --results writes one line per post: its labels and the engine's result (as crossvalidate)
              train --corpus DIR --out MODEL_DIR [--if-changed]
                  trains the models on the corpus's train split, reproducibly
              crossvalidate --corpus DIR [--folds 5] [--score-exclude PREFIX,...] [--results FILE]
                  the whole engine on unseen posts: per fold of the train split, trains on the other
                  folds and evaluates the held-out one; prints the evaluation of all folds together.
                  --score-exclude trains on posts whose id starts with a prefix but leaves them out
                  of the figures (to compare a corpus with and without new posts on the same posts);
                  --results writes one line per held-out post: its labels and the engine's result
            """;

    private final PrintStream out;
    private final PrintStream err;

    public ClassifierCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0
                && List.of("classify", "evaluate", "train", "crossvalidate", "help", "--help")
                        .contains(args[0]);
    }

    public static void main(String[] args) {
        quietLibraries();
        int code = new ClassifierCli(System.out, System.err).run(args);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /** OpenNLP logs every training step at INFO; the command line shows its own progress instead. */
    private static void quietLibraries() {
        if (org.slf4j.LoggerFactory.getLogger("opennlp") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** Runs a command; returns the process exit code. */
    public int run(String[] args) {
        try {
            Map<String, String> opts = options(args);
            return switch (args.length == 0 ? "help" : args[0]) {
                case "classify" -> classify(opts);
                case "evaluate" -> evaluate(opts);
                case "train" -> train(opts);
                case "crossvalidate" -> crossValidate(opts);
                default -> {
                    err.print(USAGE);
                    yield args.length == 0 ? 2 : 0;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getCause().getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            if (key.equals("if-changed")) {
                opts.put(key, "true");
            } else if (i + 1 < args.length) {
                opts.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    private static ModelBundle models(Map<String, String> opts) {
        String dir = opts.get("model");
        return dir == null ? ModelBundle.fromClasspath() : ModelBundle.load(Path.of(dir));
    }

    private int classify(Map<String, String> opts) {
        Path in = Path.of(required(opts, "in"));
        Path outFile = Path.of(required(opts, "out"));
        List<String> lines = readLines(in);
        ClassificationEngine engine =
                new ClassificationEngine(FeatureExtractor.fromClasspath(), models(opts), EngineSettings.defaults());
        ObjectMapper json = EventJson.mapper();
        Progress progress = new Progress("classify", lines.size(), err);
        try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            int chunk = 2000;
            for (int from = 0; from < lines.size(); from += chunk) {
                List<String> part = lines.subList(from, Math.min(lines.size(), from + chunk));
                int base = from;
                List<String> results = java.util.stream.IntStream.range(0, part.size())
                        .parallel()
                        .mapToObj(i -> classifyLine(engine, json, part.get(i), base + i + 1))
                        .toList();
                for (String r : results) {
                    w.write(r);
                    w.newLine();
                }
                progress.advance(part.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.done();
        err.printf(
                Locale.ROOT,
                "classify: %d results written to %s (model %s)%n",
                lines.size(),
                outFile,
                engine.modelVersion());
        return 0;
    }

    private static String classifyLine(ClassificationEngine engine, ObjectMapper json, String line, int lineNo) {
        try {
            var node = json.readTree(line);
            var idNode = node.get("id");
            var textNode = node.get("text");
            if (textNode == null || !textNode.isTextual()) {
                throw new IllegalArgumentException("line " + lineNo + ": \"text\" is required");
            }
            Classification c =
                    engine.classify(textNode.asText(), node.path("language").asText(null));
            ObjectNode result = json.createObjectNode();
            if (idNode == null) {
                result.put("id", String.valueOf(lineNo));
            } else {
                result.set("id", idNode);
            }
            result.set("scores", json.valueToTree(c.scores()));
            result.set("subcategories", json.valueToTree(c.subcategories()));
            result.put("selfHarmRisk", c.selfHarmRisk().name());
            result.set("flags", json.valueToTree(c.flags()));
            result.set("evidence", json.valueToTree(c.evidence()));
            return json.writeValueAsString(result);
        } catch (IOException e) {
            throw new IllegalArgumentException("line " + lineNo + " is not JSON");
        }
    }

    private int evaluate(Map<String, String> opts) {
        List<LabelledPost> posts;
        String source;
        if (opts.containsKey("in")) {
            Path in = Path.of(opts.get("in"));
            posts = Corpus.readFile(in);
            source = in.toString();
        } else {
            Path dir = Path.of(required(opts, "corpus"));
            String split = opts.getOrDefault("split", "dev");
            List<LabelledPost> all = Corpus.readDirectory(dir);
            posts = switch (split) {
                case "dev" -> Corpus.split(all).dev();
                case "train" -> Corpus.split(all).train();
                case "all" -> all;
                default -> throw new IllegalArgumentException("--split must be dev, train or all");
            };
            source = dir + " (" + split + " split)";
        }
        ModelBundle models = models(opts);
        FeatureExtractor extractor = FeatureExtractor.fromClasspath();
        ClassificationEngine engine = new ClassificationEngine(extractor, models, EngineSettings.defaults());
        String resultsFile = opts.get("results");
        List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
        Evaluation evaluation = resultsFile == null
                ? evaluate(engine, posts, err)
                : evaluate(engine, posts, err, (p, c) -> results.add(resultLine(p, c, trace(extractor, models, p))));
        if (resultsFile != null) {
            writeResults(Path.of(resultsFile), results);
        }
        out.printf(Locale.ROOT, "evaluation of %s with model %s%n", source, engine.modelVersion());
        out.print(evaluation.format());
        return 0;
    }

    /** Classifies every post (in parallel) into an {@link Evaluation}, showing progress on {@code err}. */
    public static Evaluation evaluate(ClassificationEngine engine, List<LabelledPost> posts, PrintStream err) {
        return evaluate(engine, posts, err, (post, result) -> {});
    }

    /** Evaluates, and hands each post with its result to {@code each} (from several threads). */
    static Evaluation evaluate(
            ClassificationEngine engine,
            List<LabelledPost> posts,
            PrintStream err,
            java.util.function.BiConsumer<LabelledPost, Classification> each) {
        Evaluation evaluation = new Evaluation();
        Progress progress = new Progress("evaluate", posts.size(), err);
        int chunk = 1000;
        for (int from = 0; from < posts.size(); from += chunk) {
            List<LabelledPost> part = posts.subList(from, Math.min(posts.size(), from + chunk));
            part.parallelStream().forEach(p -> {
                Classification c = engine.classify(p.text(), null);
                evaluation.add(p, c);
                each.accept(p, c);
            });
            progress.advance(part.size());
        }
        progress.done();
        return evaluation;
    }

    private int train(Map<String, String> opts) {
        Path corpus = Path.of(required(opts, "corpus"));
        Path outDir = Path.of(required(opts, "out"));
        String fingerprint = Fingerprint.of(corpus, outDir);
        Path stamp = outDir.resolve("fingerprint.txt");
        if (opts.containsKey("if-changed") && Fingerprint.matches(stamp, fingerprint)) {
            err.println("train: models in " + outDir + " are up to date");
            return 0;
        }
        new Trainer(FeatureExtractor.fromClasspath(), err).train(corpus, outDir);
        try {
            Files.writeString(stamp, fingerprint, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ModelBundle trained = ModelBundle.load(outDir);
        out.println("model version " + trained.version());
        return 0;
    }

    /**
     * Cross-validation of the whole engine (cues, rules, models, calibration) on the train split:
     * each fold is classified by models trained without it. The dev split is left out, so the
     * figures do not depend on posts looked at while tuning; they estimate how the engine does on
     * posts it has not seen better than the dev split does once dev has been looked at.
     */
    private int crossValidate(Map<String, String> opts) {
        Path dir = Path.of(required(opts, "corpus"));
        int k = Integer.parseInt(opts.getOrDefault("folds", String.valueOf(Corpus.FOLDS)));
        if (k < 2 || k > 20) {
            throw new IllegalArgumentException("--folds must be from 2 to 20");
        }
        List<LabelledPost> train = Corpus.split(Corpus.readDirectory(dir)).train();
        Map<String, Integer> folds = Corpus.folds(train, k);
        List<String> unscored = opts.containsKey("score-exclude")
                ? List.of(opts.get("score-exclude").split(","))
                : List.of();
        FeatureExtractor extractor = FeatureExtractor.fromClasspath();
        Evaluation all = new Evaluation();
        List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        Path work;
        try {
            work = Files.createTempDirectory("crossvalidate");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (int fold = 0; fold < k; fold++) {
                int held = fold;
                List<LabelledPost> fit =
                        train.stream().filter(p -> folds.get(p.id()) != held).toList();
                List<LabelledPost> test = train.stream()
                        .filter(p -> folds.get(p.id()) == held)
                        .filter(p -> unscored.stream().noneMatch(p.id()::startsWith))
                        .toList();
                err.printf(Locale.ROOT, "crossvalidate: fold %d of %d (%d posts held out)%n", fold + 1, k, test.size());
                Path modelDir = work.resolve("fold" + fold);
                new Trainer(extractor, quiet).train(fit, test.size(), modelDir);
                ModelBundle models = ModelBundle.load(modelDir);
                ClassificationEngine engine = new ClassificationEngine(extractor, models, EngineSettings.defaults());
                Evaluation part = evaluate(engine, test, quiet, (p, c) -> {
                    if (opts.containsKey("results")) {
                        results.add(resultLine(p, c, trace(extractor, models, p)));
                    }
                });
                all.addAll(part);
                err.printf(
                        Locale.ROOT,
                        "crossvalidate: fold %d macro-F1 %.3f, HIGH+IMMINENT recall %.3f, hard-negative FP %.3f%n",
                        fold + 1,
                        part.macroF1(),
                        part.highRiskRecall(),
                        part.hardNegativeFalsePositiveRate());
            }
        } finally {
            deleteRecursively(work);
        }
        if (opts.containsKey("results")) {
            writeResults(Path.of(opts.get("results")), results);
        }
        out.printf(Locale.ROOT, "%d-fold cross-validation of the whole engine on %s (train split)%n", k, dir);
        out.print(all.format());
        return 0;
    }

    /**
     * What the engine's decision was made of, for reading misses and simulating decision rules
     * offline: the rules' level, the risk model's distribution and the scores of a long post's
     * passages.
     */
    private static Map<String, Object> trace(FeatureExtractor extractor, ModelBundle models, LabelledPost p) {
        Map<String, Object> trace = new java.util.LinkedHashMap<>();
        try {
            PostFeatures f = extractor.extract(p.text(), null, java.util.EnumSet.noneOf(FeatureExtractor.Stage.class));
            RiskRules.Assessment rule = new RiskRules().assess(f);
            trace.put("rule", rule.level().name());
            trace.put("activeCue", rule.anyActiveSelfHarmCue());
            trace.put(
                    "cues",
                    f.cues().stream()
                            .map(h -> h.rule().category().name().charAt(0) + ":"
                                    + h.rule().cue() + (h.active() ? "" : "~"))
                            .distinct()
                            .toList());
            ModelBundle.Features features = ModelBundle.features(f.document());
            trace.put("riskModel", models.risk(features));
            trace.put("riskByLearner", models.riskByLearner(features));
            trace.put("crisis", models.crisis(features));
            // per passage of a long post: its SELF_HARM, crisis, HARMFUL and MISINFORMATION scores
            List<List<Double>> passages = new ArrayList<>();
            for (Passage passage : f.passages()) {
                ModelBundle.Features pf = ModelBundle.features(passage.document());
                passages.add(List.of(
                        models.score(Category.SELF_HARM, pf),
                        models.crisis(pf),
                        models.score(Category.HARMFUL, pf),
                        models.score(Category.MISINFORMATION, pf)));
            }
            trace.put("passages", passages);
        } catch (RuntimeException e) {
            trace.put("traceFailed", e.getClass().getSimpleName());
        }
        return trace;
    }

    /** Writes result lines sorted (by id, which starts each line), whatever order the threads gave. */
    private static void writeResults(Path file, List<String> results) {
        try {
            Files.write(file, results.stream().sorted().toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An evaluated post's result: its labels beside what the engine made of it (no text). */
    private static String resultLine(LabelledPost p, Classification c, Map<String, Object> trace) {
        ObjectMapper json = EventJson.mapper();
        ObjectNode line = json.createObjectNode();
        line.put("id", p.id());
        line.put("label", p.label());
        line.put("risk", p.risk().name());
        line.put("hardNegative", p.hardNegative());
        line.put("predicted", c.primaryLabel());
        line.put("predictedRisk", c.selfHarmRisk().name());
        line.set("flags", json.valueToTree(c.flags()));
        line.set("scores", json.valueToTree(c.scores()));
        line.set(
                "cues",
                json.valueToTree(
                        c.evidence().stream().map(e -> e.cue()).distinct().toList()));
        line.set("trace", json.valueToTree(trace));
        try {
            return json.writeValueAsString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static List<String> readLines(Path in) {
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            List<String> lines = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
