package dev.modpipe.classifier.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modpipe.model.RiskLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reading the labelled corpus ({@code corpus/*.jsonl}) and splitting it reproducibly.
 *
 * <p><b>The split.</b> Posts are grouped by stratum (label, risk, hard-negative flag) and ordered
 * within it by {@code SHA-256("modpipe-split-v1:" + id)}; the first 20% of each stratum (rounded)
 * is the dev split, the rest the train split. Stratifying keeps every label, risk level and the
 * hard negatives in both; hashing the id makes the split independent of file order, stable when
 * posts are added (an existing post only moves if its stratum's size changes the cut) and
 * reproducible anywhere. The train split is cut the same way into k cross-validation folds
 * (position in the hash order modulo k; {@link #FOLDS} for the whole-engine {@code crossvalidate},
 * the trainer's own number for its calibration).
 */
public final class Corpus {
    public static final double DEV_FRACTION = 0.2;
    /** The default folds of the whole-engine cross-validation ({@code crossvalidate --folds}). */
    public static final int FOLDS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {}

    /** Every {@code *.jsonl} file of a directory, sorted by id. */
    public static List<LabelledPost> readDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<LabelledPost> posts = new ArrayList<>();
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                posts.addAll(readFile(f));
            }
            Set<String> ids = new HashSet<>();
            for (LabelledPost p : posts) {
                if (!ids.add(p.id())) {
                    throw new IllegalArgumentException("duplicate id " + p.id() + " in " + dir);
                }
            }
            posts.sort(Comparator.comparing(LabelledPost::id));
            return posts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON Lines file of labelled posts (blank lines skipped). */
    public static List<LabelledPost> readFile(Path file) {
        List<LabelledPost> posts = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (!line.isBlank()) {
                    posts.add(parse(line, file.getFileName() + ":" + n));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return posts;
    }

    /** Parses one line; {@code where} names it in errors. */
    public static LabelledPost parse(String line, String where) {
        try {
            JsonNode n = JSON.readTree(line);
            String id = text(n, "id");
            if (id == null) {
                id = where;
            }
            String risk = text(n, "risk");
            return new LabelledPost(
                    id,
                    text(n, "text"),
                    text(n, "label") == null ? null : text(n, "label").toUpperCase(Locale.ROOT),
                    text(n, "subcategory"),
                    risk == null ? RiskLevel.NONE : RiskLevel.valueOf(risk.toUpperCase(Locale.ROOT)),
                    n.path("hardNegative").asBoolean(false));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not a labelled post (" + e.getMessage() + ")", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The train and dev splits. */
    public record Split(List<LabelledPost> train, List<LabelledPost> dev) {}

    public static Split split(List<LabelledPost> posts) {
        List<LabelledPost> train = new ArrayList<>();
        List<LabelledPost> dev = new ArrayList<>();
        for (List<LabelledPost> stratum : strata(posts).values()) {
            int devCount = (int) Math.round(stratum.size() * DEV_FRACTION);
            for (int i = 0; i < stratum.size(); i++) {
                (i < devCount ? dev : train).add(stratum.get(i));
            }
        }
        train.sort(Comparator.comparing(LabelledPost::id));
        dev.sort(Comparator.comparing(LabelledPost::id));
        return new Split(List.copyOf(train), List.copyOf(dev));
    }

    /** The fold (0 to {@code k}-1) of each post, by id, stratified like the split. */
    public static Map<String, Integer> folds(List<LabelledPost> posts, int k) {
        Map<String, Integer> folds = new LinkedHashMap<>();
        for (List<LabelledPost> stratum : strata(posts).values()) {
            for (int i = 0; i < stratum.size(); i++) {
                folds.put(stratum.get(i).id(), i % k);
            }
        }
        return folds;
    }

    private static Map<String, List<LabelledPost>> strata(List<LabelledPost> posts) {
        Map<String, List<LabelledPost>> strata = new java.util.TreeMap<>();
        for (LabelledPost p : posts) {
            strata.computeIfAbsent(p.stratum(), k -> new ArrayList<>()).add(p);
        }
        for (List<LabelledPost> s : strata.values()) {
            s.sort(Comparator.comparing((LabelledPost p) -> hash(p.id())).thenComparing(LabelledPost::id));
        }
        return strata;
    }

    static String hash(String id) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(("modpipe-split-v1:" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
