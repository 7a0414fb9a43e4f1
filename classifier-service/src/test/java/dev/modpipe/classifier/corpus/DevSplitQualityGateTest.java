package dev.modpipe.classifier.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.classifier.cli.ClassifierCli;
import dev.modpipe.classifier.engine.ClassificationEngine;
import dev.modpipe.classifier.engine.EngineSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality gate: the shipped models on posts they were never trained on, the dev split and the
 * blind hold-out set ({@code holdout/}, written apart from the corpus and never tuned against). The
 * floors are what the models reach today, a little under, and must not regress; the issue's
 * targets (macro-F1 0.85, HIGH+IMMINENT recall 0.95, hard-negative false positives 5%) are printed
 * beside them and are not all met yet (see the module README).
 */
class DevSplitQualityGateTest {
    static final double DEV_FLOOR_MACRO_F1 = 0.81;
    static final double DEV_FLOOR_HIGH_RECALL = 0.89;
    static final double DEV_CEILING_HARD_NEGATIVE_FPR = 0.075;

    static final double BLIND_FLOOR_MACRO_F1 = 0.85;
    static final double BLIND_FLOOR_HIGH_RECALL = 0.82;
    static final double BLIND_CEILING_HARD_NEGATIVE_FPR = 0.16;

    private static ClassificationEngine engine;

    @BeforeAll
    static void load() {
        engine = ClassificationEngine.fromClasspath(EngineSettings.defaults());
    }

    private static Evaluation evaluate(List<LabelledPost> posts) {
        Evaluation e = ClassifierCli.evaluate(engine, posts, new PrintStream(new ByteArrayOutputStream()));
        System.out.println(e.format());
        return e;
    }

    @Test
    void shouldKeepTheDevSplitFiguresAtOrAboveTheirFloors() {
        Evaluation e =
                evaluate(Corpus.split(Corpus.readDirectory(Path.of("corpus"))).dev());

        assertThat(e.total()).isGreaterThan(1000);
        assertThat(e.macroF1()).as("macro-F1 on dev").isGreaterThanOrEqualTo(DEV_FLOOR_MACRO_F1);
        assertThat(e.highRiskRecall()).as("HIGH+IMMINENT recall on dev").isGreaterThanOrEqualTo(DEV_FLOOR_HIGH_RECALL);
        assertThat(e.hardNegativeFalsePositiveRate())
                .as("false-positive rate on hard negatives, dev")
                .isLessThanOrEqualTo(DEV_CEILING_HARD_NEGATIVE_FPR);
    }

    @Test
    void shouldKeepTheBlindHoldOutFiguresAtOrAboveTheirFloors() {
        Evaluation e = evaluate(Corpus.readFile(Path.of("holdout/blind-1.jsonl")));

        assertThat(e.total()).isEqualTo(420);
        assertThat(e.macroF1()).as("macro-F1 on the blind set").isGreaterThanOrEqualTo(BLIND_FLOOR_MACRO_F1);
        assertThat(e.highRiskRecall())
                .as("HIGH+IMMINENT recall on the blind set")
                .isGreaterThanOrEqualTo(BLIND_FLOOR_HIGH_RECALL);
        assertThat(e.hardNegativeFalsePositiveRate())
                .as("false-positive rate on hard negatives, blind set")
                .isLessThanOrEqualTo(BLIND_CEILING_HARD_NEGATIVE_FPR);
    }
}
