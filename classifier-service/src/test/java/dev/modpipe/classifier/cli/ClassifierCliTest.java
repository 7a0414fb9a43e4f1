package dev.modpipe.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modpipe.model.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ClassifierCli cli = new ClassifierCli(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void shouldWriteOneResultLinePerInputLine(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("posts.jsonl");
        Path results = tmp.resolve("results.jsonl");
        Files.write(
                in,
                List.of(
                        "{\"id\":\"a\",\"text\":\"i'm going to kms tonight, i have the pills\"}",
                        "{\"id\":\"b\",\"text\":\"made pancakes with my kids this morning\"}"));

        int code = cli.run(new String[] {"classify", "--in", in.toString(), "--out", results.toString()});

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(results);
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(lines.get(0));
        assertThat(a.fieldNames())
                .toIterable()
                .containsExactly("id", "scores", "subcategories", "selfHarmRisk", "flags", "evidence");
        assertThat(a.get("id").asText()).isEqualTo("a");
        assertThat(a.get("selfHarmRisk").asText()).isEqualTo("IMMINENT");
        assertThat(a.get("flags").toString()).contains("SELF_HARM");
        assertThat(json.readTree(lines.get(1)).get("flags")).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("classify: 2/2 done");
    }

    @Test
    void shouldPrintPerCategoryFiguresAndConfusionMatrices(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("labelled.jsonl");
        Files.write(
                in,
                List.of(
                        "{\"id\":\"1\",\"text\":\"i'm going to kill myself tonight\",\"label\":\"SELF_HARM\",\"risk\":\"IMMINENT\"}",
                        "{\"id\":\"2\",\"text\":\"kys loser nobody would miss you\",\"label\":\"HARMFUL\"}",
                        "{\"id\":\"3\",\"text\":\"lovely weather for a walk\",\"label\":\"NONE\",\"hardNegative\":true}"));

        Path results = tmp.resolve("results.jsonl");

        int code = cli.run(new String[] {"evaluate", "--in", in.toString(), "--results", results.toString()});

        assertThat(code).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report)
                .contains("precision", "recall", "F1", "macro-F1")
                .contains("confusion matrix (rows: true label")
                .contains("risk confusion matrix")
                .contains("HIGH+IMMINENT recall")
                .contains("false-positive rate on hard negatives");
        // one line per post, sorted by id, with its labels and the decision's parts, never the text
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        JsonNode first = EventJson.mapper().readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("1");
        assertThat(first.get("risk").asText()).isEqualTo("IMMINENT");
        assertThat(first.get("predictedRisk").asText()).isEqualTo("IMMINENT");
        assertThat(first.path("trace").path("rule").asText()).isEqualTo("IMMINENT");
        assertThat(EventJson.mapper().readTree(lines.get(2)).get("hardNegative").asBoolean())
                .isTrue();
        assertThat(Files.readString(results)).doesNotContain("kill myself", "lovely weather");
    }

    @Test
    void shouldCrossValidateTheWholeEngineOnHeldOutFolds(@TempDir Path tmp) throws IOException {
        Path corpus = dev.modpipe.classifier.training.TrainerTest.tinyCorpus(Files.createDirectory(tmp.resolve("c")));

        Path results = tmp.resolve("cv.jsonl");

        int code = cli.run(new String[] {
            "crossvalidate", "--corpus", corpus.toString(), "--folds", "2", "--results", results.toString()
        });

        assertThat(code).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report)
                .contains("2-fold cross-validation of the whole engine")
                .contains("macro-F1");
        // every post of the train split is classified once, by models that did not see it
        int train = dev.modpipe.classifier.corpus.Corpus.split(
                        dev.modpipe.classifier.corpus.Corpus.readDirectory(corpus))
                .train()
                .size();
        assertThat(report).contains("posts: " + train + " ");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fold 1 of 2", "fold 2 of 2");
        // one line per held-out post, with what the decision was made of and never the text
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(train);
        for (String line : lines) {
            JsonNode r = EventJson.mapper().readTree(line);
            assertThat(r.path("trace").path("rule").asText()).isIn("NONE", "LOW", "MODERATE", "HIGH", "IMMINENT");
            double mass = 0;
            for (JsonNode p : r.path("trace").path("riskModel")) {
                mass += p.asDouble();
            }
            assertThat(mass).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(r.path("trace").path("cues").isArray()).isTrue();
            assertThat(r.has("text")).isFalse();
        }
        String oneText = Files.readAllLines(corpus.resolve("tiny.jsonl")).get(0);
        String text = EventJson.mapper().readTree(oneText).get("text").asText();
        assertThat(Files.readString(results)).doesNotContain(text);
    }

    @Test
    void shouldRefuseAFoldCountOutOfRange() {
        int code = cli.run(new String[] {"crossvalidate", "--corpus", "corpus", "--folds", "1"});

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--folds must be from 2 to 20");
    }

    @Test
    void shouldExplainUsageOnAMissingOption() {
        int code = cli.run(new String[] {"classify", "--in", "x.jsonl"});

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--out is required")
                .contains("usage:");
    }

    @Test
    void shouldRecogniseCommandsBeforeSpringStarts() {
        assertThat(ClassifierCli.isCommand(new String[] {"classify"})).isTrue();
        assertThat(ClassifierCli.isCommand(new String[] {"--server.port=0"})).isFalse();
        assertThat(ClassifierCli.isCommand(new String[0])).isFalse();
    }
}
