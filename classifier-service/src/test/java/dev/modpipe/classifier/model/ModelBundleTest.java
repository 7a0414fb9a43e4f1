package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modpipe.classifier.corpus.Corpus;
import dev.modpipe.classifier.corpus.LabelledPost;
import dev.modpipe.classifier.engine.FeatureExtractor;
import dev.modpipe.classifier.engine.FeatureExtractor.Stage;
import dev.modpipe.model.Category;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundle's shared-index evaluation (one index per view) gives exactly what OpenNLP's own
 * categorizers give, and its score is their calibrated blend stacked with the surface pair, on the
 * built models.
 */
class ModelBundleTest {
    private static ModelBundle bundle;
    private static List<String[]> documents;
    private static final java.util.Map<String, DocumentCategorizerME> REFERENCES = new java.util.HashMap<>();

    @BeforeAll
    static void load() {
        bundle = ModelBundle.fromClasspath();
        FeatureExtractor extractor = FeatureExtractor.fromClasspath();
        documents = Corpus.readDirectory(Path.of("corpus")).stream()
                .filter(p -> Math.floorMod(p.id().hashCode(), 10) == 0)
                .map(LabelledPost::text)
                .map(text -> extractor
                        .extract(text, null, EnumSet.noneOf(Stage.class))
                        .document())
                .toList();
    }

    @Test
    void featuresGeneratedOnceGiveWhatEachCategorizerWouldGive() {
        assertThat(documents).hasSizeGreaterThan(100);
        for (Category c : Category.values()) {
            DocumentCategorizerME reference = reference(ModelBundle.categoryFile(c));
            for (String[] document : documents) {
                ModelBundle.Features features = ModelBundle.features(document);
                assertThat(features.size()).isGreaterThanOrEqualTo(document.length);
                assertThat(bundle.rawScore(c, features)).isEqualTo(probability(reference, document));
            }
        }
    }

    @Test
    void naiveBayesThroughTheSharedIndexGivesWhatOpenNlpGives() {
        for (Category c : Category.values()) {
            ModelBundle.Categorizer bayes = bundle.bayesCategorizer(c);
            DocumentCategorizerME reference = reference(ModelBundle.bayesFile(c));
            for (String[] document : documents) {
                assertThat(bayes.probability(ModelBundle.features(document), ModelBundle.POSITIVE))
                        .isCloseTo(probability(reference, document), within(1e-12));
            }
        }
    }

    @Test
    void surfaceModelsThroughTheirOwnSharedIndexGiveWhatOpenNlpGives() {
        assertThat(ModelBundle.STACKED).contains(Category.SELF_HARM);
        for (Category c : ModelBundle.STACKED) {
            DocumentCategorizerME maxent = reference(ModelBundle.surfaceFile(c));
            DocumentCategorizerME bayes = reference(ModelBundle.bayesSurfaceFile(c));
            for (String[] document : documents) {
                ModelBundle.Features features = ModelBundle.features(document);
                assertThat(bundle.surfaceCategorizer(c).probability(features.surface(), ModelBundle.POSITIVE))
                        .isCloseTo(probability(maxent, document), within(1e-12));
                assertThat(bundle.surfaceBayesCategorizer(c).probability(features.surface(), ModelBundle.POSITIVE))
                        .isCloseTo(probability(bayes, document), within(1e-12));
            }
        }
    }

    @Test
    void scoreBlendsTheMainPairThroughItsCalibrationThenStacksTheSurfacePairAndTheNearestPosts() {
        Neighbours memory = memory();
        for (Category c : Category.values()) {
            boolean stacked = ModelBundle.STACKED.contains(c);
            DocumentCategorizerME maxent = reference(ModelBundle.categoryFile(c));
            DocumentCategorizerME bayes = reference(ModelBundle.bayesFile(c));
            DocumentCategorizerME surfaceMaxent = stacked ? reference(ModelBundle.surfaceFile(c)) : null;
            DocumentCategorizerME surfaceBayes = stacked ? reference(ModelBundle.bayesSurfaceFile(c)) : null;
            Calibration calibration = bundle.calibration(c);
            Stack stack = bundle.stack(c);
            assertThat(stack.near())
                    .as("the nearest posts carry weight in " + c)
                    .isNotZero();
            assertThat(calibration.bayes()).isNotEqualTo(Platt.IDENTITY);
            assertThat(stack.equals(Stack.IDENTITY)).isEqualTo(!stacked);
            for (String[] document : documents) {
                double main = calibration.apply(probability(maxent, document), probability(bayes, document));
                double expected = stacked
                        ? stack.apply(
                                main,
                                probability(surfaceMaxent, document),
                                probability(surfaceBayes, document),
                                c,
                                memory.near(document))
                        : main;
                assertThat(bundle.score(c, ModelBundle.features(document))).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void scoreReachingGivesTheScoreOrNaNOnlyForAScoreUnderTheBar() {
        int skipped = 0;
        int reached = 0;
        for (String[] document : documents) {
            for (Category c : Category.values()) {
                for (double bar : new double[] {0.5, 0.95, 0.97}) {
                    double score = bundle.score(c, ModelBundle.features(document));
                    double answer = bundle.scoreReaching(c, ModelBundle.features(document), bar);
                    if (Double.isNaN(answer)) {
                        assertThat(score).isLessThan(bar - ModelBundle.BAR_MARGIN);
                        skipped++;
                    } else {
                        assertThat(answer).isEqualTo(score);
                        reached += score >= bar ? 1 : 0;
                    }
                }
            }
        }
        // the test sees both answers: most scores are far under a bar of 0.95, some reach it
        assertThat(skipped).isGreaterThan(documents.size());
        assertThat(reached).isPositive();
    }

    @Test
    void crisisBlendsItsTwoCategorizersThroughItsCalibrationLikeACategory() {
        DocumentCategorizerME maxent = reference(ModelBundle.crisisFile());
        DocumentCategorizerME bayes = reference(ModelBundle.bayesCrisisFile());
        Calibration calibration = bundle.crisisCalibration();
        assertThat(calibration.blend()).isNotEqualTo(Platt.IDENTITY);
        for (String[] document : documents) {
            double expected = calibration.apply(probability(maxent, document), probability(bayes, document));
            assertThat(bundle.crisis(ModelBundle.features(document))).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void riskAndSubcategoryDistributionsSumToOne() {
        for (String[] document : documents) {
            ModelBundle.Features features = ModelBundle.features(document);
            assertThat(bundle.risk(features).values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum())
                    .isCloseTo(1.0, within(1e-9));
            for (Category c : Category.values()) {
                assertThat(bundle.subcategories(c, features).values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum())
                        .isCloseTo(1.0, within(1e-9));
            }
        }
    }

    /** The probability of the target: the sum of its positive outcomes ("yes", or "yes~ideation"…). */
    private static double probability(DocumentCategorizerME categorizer, String[] document) {
        return ModelBundle.positive(ModelBundle.outcomes(categorizer), categorizer.categorize(document));
    }

    @Test
    void theMainSelfHarmTargetIsTrainedAsItsKindsAndTheOthersAsYesOrNo() {
        for (String file :
                List.of(ModelBundle.categoryFile(Category.SELF_HARM), ModelBundle.bayesFile(Category.SELF_HARM))) {
            assertThat(ModelBundle.outcomes(reference(file)))
                    .as(file)
                    .containsExactlyInAnyOrder(
                            "no", "yes~ideation", "yes~intent_plan", "yes~self_injury", "yes~instructions");
        }
        for (String file : List.of(
                ModelBundle.surfaceFile(Category.SELF_HARM),
                ModelBundle.bayesSurfaceFile(Category.SELF_HARM),
                ModelBundle.categoryFile(Category.HARMFUL),
                ModelBundle.categoryFile(Category.MISINFORMATION),
                ModelBundle.crisisFile())) {
            assertThat(ModelBundle.outcomes(reference(file))).as(file).containsExactlyInAnyOrder("no", "yes");
        }
        // the probabilities of the kinds add up to the target's: a post of any kind scores high
        String[] cry = documents.get(0);
        DocumentCategorizerME sh = reference(ModelBundle.categoryFile(Category.SELF_HARM));
        double[] p = sh.categorize(cry);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += sh.getCategory(i).startsWith("yes") ? p[i] : 0;
        }
        assertThat(bundle.rawScore(Category.SELF_HARM, ModelBundle.features(cry)))
                .isCloseTo(sum, within(1e-12));
    }

    /** The model as OpenNLP loads and evaluates it, from the same file as the bundle. */
    private static Neighbours memory() {
        try (java.io.InputStream in =
                ModelBundle.class.getResourceAsStream(ModelBundle.CLASSPATH_DIR + Neighbours.FILE)) {
            return Neighbours.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Loaded once per file: several tests compare against the same categorizer. */
    private static DocumentCategorizerME reference(String file) {
        return REFERENCES.computeIfAbsent(file, f -> {
            try (java.io.InputStream in = ModelBundle.class.getResourceAsStream(ModelBundle.CLASSPATH_DIR + f)) {
                return new DocumentCategorizerME(new opennlp.tools.doccat.DoccatModel(in));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
