package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;

/**
 * The shared index built one model at a time: models of different widths and vocabularies side by
 * side, each read back through the index as OpenNLP evaluates it, and a model the index cannot hold
 * evaluated by its own categorizer.
 */
class SharedIndexTest {
    private static final List<DocumentSample> SAMPLES = List.of(
            new DocumentSample("A", new String[] {"red", "apple", "pie"}),
            new DocumentSample("A", new String[] {"red", "cherry", "tart"}),
            new DocumentSample("B", new String[] {"blue", "sky", "today"}),
            new DocumentSample("B", new String[] {"blue", "sea", "calm"}),
            new DocumentSample("C", new String[] {"green", "grass", "field"}),
            new DocumentSample("C", new String[] {"green", "apple", "field"}));

    private static MaxentModel train(String algorithm, List<DocumentSample> samples) throws IOException {
        PostFeatureGenerator.allow();
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        params.put(TrainingParameters.ITERATIONS_PARAM, 30);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        DoccatModel model = DocumentCategorizerME.train(
                "en", ObjectStreamUtils.createObjectStream(samples), params, new DoccatFactory(new FeatureGenerator[] {
                    new PostFeatureGenerator()
                }));
        return model.getMaxentModel();
    }

    @Test
    void shouldEvaluateEachModelAsOpenNlpDoesWhateverItsWidthOrVocabulary() throws IOException {
        List<MaxentModel> models = List.of(
                train("MAXENT_QN", SAMPLES),
                // two outcomes and a vocabulary of its own: its rows are narrower until build pads them
                train("NAIVEBAYES", SAMPLES.subList(0, 4)),
                train("NAIVEBAYES", SAMPLES),
                // GIS maxent is not indexed: its categorizer evaluates the model itself
                train("MAXENT", SAMPLES));
        ModelBundle.SharedIndex.Builder builder = new ModelBundle.SharedIndex.Builder();
        List<Boolean> indexed = models.stream().map(builder::add).toList();
        ModelBundle.SharedIndex index = builder.build();

        assertThat(indexed).containsExactly(true, true, true, false);
        String[][] documents = {{"red", "apple"}, {"blue", "field", "sky"}, {"green"}, {"nothing", "known", "here"}, {}
        };
        for (int slot = 0; slot < models.size(); slot++) {
            MaxentModel model = models.get(slot);
            ModelBundle.Categorizer categorizer = new ModelBundle.Categorizer(
                    ModelBundle.outcomeNames(model), indexed.get(slot) ? null : model, slot, index);
            for (String[] document : documents) {
                ModelBundle.Features features = ModelBundle.features(document);
                double[] expected = model.eval(features.strings());
                Map<String, Double> actual = categorizer.distribution(features);
                assertThat(actual).hasSize(expected.length);
                for (int o = 0; o < expected.length; o++) {
                    assertThat(actual.get(model.getOutcome(o)))
                            .as("slot %d, outcome %s, %s", slot, model.getOutcome(o), String.join(" ", document))
                            .isCloseTo(expected[o], within(1e-12));
                }
            }
        }
    }
}
