package dev.modpipe.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.classifier.engine.ClassificationEngine;
import dev.modpipe.classifier.engine.EngineSettings;
import dev.modpipe.classifier.engine.FeatureExtractor;
import dev.modpipe.classifier.model.ModelBundle;
import dev.modpipe.model.Category;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains tiny models inline (nothing downloads) and checks they load, work and are reproducible. */
public class TrainerTest {
    private static FeatureExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = FeatureExtractor.fromClasspath();
    }

    public static Path tinyCorpus(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        String[] selfHarm = {
            "i want to kill myself tonight",
            "i have pills saved and i will take them all",
            "i keep thinking about ending my life",
            "goodbye everyone this is my last post",
            "i cut myself again"
        };
        String[] harmful = {
            "kill yourself loser",
            "you are a pathetic idiot",
            "send $100 in gift cards now",
            "i will stab you tomorrow",
            "those people are vermin"
        };
        String[] misinformation = {
            "vaccines cause autism",
            "stop your meds cold turkey and detox",
            "therapy is a scam",
            "celery juice cures depression",
            "antidepressants are poison"
        };
        String[] none = {
            "had a lovely walk today",
            "this exam is killing me",
            "my cat is asleep on my laptop",
            "going to the beach this weekend",
            "made pancakes for breakfast"
        };
        int id = 0;
        for (int copy = 0; copy < 6; copy++) {
            for (String t : selfHarm) {
                lines.add(line(
                        id++,
                        t + " " + copy,
                        "SELF_HARM",
                        copy % 2 == 0 ? "self_harm/intent_plan" : "self_harm/ideation",
                        copy % 2 == 0 ? "HIGH" : "MODERATE"));
            }
            for (String t : harmful) {
                lines.add(line(
                        id++,
                        t + " " + copy,
                        "HARMFUL",
                        copy % 2 == 0 ? "harmful/harassment" : "harmful/threat",
                        "NONE"));
            }
            for (String t : misinformation) {
                lines.add(line(
                        id++,
                        t + " " + copy,
                        "MISINFORMATION",
                        copy % 2 == 0 ? "misinformation/treatment" : "misinformation/health",
                        "NONE"));
            }
            for (String t : none) {
                lines.add(line(id++, t + " " + copy, "NONE", null, "NONE"));
            }
        }
        Files.write(dir.resolve("tiny.jsonl"), lines, StandardCharsets.UTF_8);
        return dir;
    }

    private static String line(int id, String text, String label, String sub, String risk) {
        return "{\"id\":\"t-" + id + "\",\"text\":\"" + text + "\",\"label\":\"" + label + "\",\"subcategory\":"
                + (sub == null ? "null" : "\"" + sub + "\"") + ",\"risk\":\"" + risk + "\",\"hardNegative\":false}";
    }

    @Test
    void shouldTrainModelsThatLoadAndClassify(@TempDir Path tmp) throws IOException {
        Path corpus = tinyCorpus(Files.createDirectory(tmp.resolve("corpus")));
        Path out = tmp.resolve("model");

        Trainer.Result result = new Trainer(extractor, new PrintStream(new ByteArrayOutputStream())).train(corpus, out);

        assertThat(result.trainPosts() + result.devPosts()).isEqualTo(120);
        assertThat(out.resolve(Trainer.REPORT)).exists();
        ModelBundle models = ModelBundle.load(out);
        ClassificationEngine engine = new ClassificationEngine(extractor, models, EngineSettings.defaults());
        assertThat(engine.classify("vaccines cause autism, everyone knows it", null)
                        .score(Category.MISINFORMATION))
                .isGreaterThan(engine.classify("had a lovely walk today", null).score(Category.MISINFORMATION));
        // the crisis pair: the tiny corpus's HIGH self-harm posts against everything else
        assertThat(out.resolve(ModelBundle.crisisFile())).exists();
        assertThat(out.resolve(ModelBundle.bayesCrisisFile())).exists();
        assertThat(models.crisis(features("i want to kill myself tonight")))
                .isGreaterThan(models.crisis(features("had a lovely walk today")));
        assertThat(Files.readString(out.resolve(Trainer.REPORT))).contains(ModelBundle.CRISIS);
        // the surface pair of each stacked category, and its stack in the calibration file
        for (Category c : Category.values()) {
            assertThat(Files.exists(out.resolve(ModelBundle.surfaceFile(c))))
                    .isEqualTo(ModelBundle.STACKED.contains(c));
            assertThat(Files.exists(out.resolve(ModelBundle.bayesSurfaceFile(c))))
                    .isEqualTo(ModelBundle.STACKED.contains(c));
        }
        assertThat(Files.readString(out.resolve("calibration.properties")))
                .contains("SELF_HARM.stack.maxent=", "CRISIS.stack.main=1.000000");
        assertThat(Files.readString(out.resolve(Trainer.REPORT))).contains("stack bias=");
    }

    @Test
    void shouldRetrainToTheSameModelVersion(@TempDir Path tmp) throws IOException {
        Path corpus = tinyCorpus(Files.createDirectory(tmp.resolve("corpus")));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

        new Trainer(extractor, quiet).train(corpus, tmp.resolve("a"));
        new Trainer(extractor, quiet).train(corpus, tmp.resolve("b"));

        assertThat(ModelBundle.load(tmp.resolve("a")).version())
                .isEqualTo(ModelBundle.load(tmp.resolve("b")).version());
    }

    private static ModelBundle.Features features(String text) {
        return ModelBundle.features(extractor
                .extract(text, null, EnumSet.noneOf(FeatureExtractor.Stage.class))
                .document());
    }
}
