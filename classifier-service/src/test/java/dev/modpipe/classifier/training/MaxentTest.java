package dev.modpipe.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import opennlp.tools.ml.maxent.quasinewton.NegLogLikelihood;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractDataIndexer;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.DataIndexerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;

/**
 * The maxent fit against OpenNLP's own objective: the weights it returns are where that objective's
 * gradient vanishes, read back from the OpenNLP model it writes, and so they do not depend on the
 * order of the events or on the path the optimiser took.
 */
class MaxentTest {
    private static final double L2 = 0.5;
    private static final String[] OUTCOMES = {"yes~a", "yes~b", "no"};

    /** Three outcomes, each with words of its own, drawn among shared words; a few labels flipped. */
    private static List<Event> events(long seed, int count) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            int outcome = random.nextInt(OUTCOMES.length);
            int length = 3 + random.nextInt(8);
            String[] context = new String[length];
            for (int w = 0; w < length; w++) {
                context[w] = random.nextDouble() < 0.4
                        ? OUTCOMES[outcome] + "-word" + random.nextInt(15)
                        : "shared" + random.nextInt(60);
            }
            String label = random.nextDouble() < 0.08 ? OUTCOMES[random.nextInt(OUTCOMES.length)] : OUTCOMES[outcome];
            events.add(new Event(label, context));
        }
        return events;
    }

    private static DataIndexer index(List<Event> events) throws IOException {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put("DataIndexer", "OnePass");
        params.put("PrintMessages", false);
        params.put(AbstractDataIndexer.SORT_PARAM, true);
        DataIndexer indexer = DataIndexerFactory.getDataIndexer(params, new HashMap<>());
        indexer.index(ObjectStreamUtils.createObjectStream(events));
        return indexer;
    }

    /** The model's weights in OpenNLP's layout (outcome-major), read from the model itself. */
    private static double[] weights(QNModel model, DataIndexer indexer) {
        Context[] parameters = (Context[]) model.getDataStructures()[0];
        int features = indexer.getPredLabels().length;
        double[] x = new double[features * indexer.getOutcomeLabels().length];
        for (int f = 0; f < features; f++) {
            int[] outcomes = parameters[f].getOutcomes();
            for (int k = 0; k < outcomes.length; k++) {
                x[outcomes[k] * features + f] = parameters[f].getParameters()[k];
            }
        }
        return x;
    }

    @Test
    void shouldComputeTheObjectiveAndGradientOpenNlpDefines() throws IOException {
        DataIndexer indexer = index(events(7, 300));
        NegLogLikelihood openNlp = new NegLogLikelihood(indexer);
        Random random = new Random(11);
        double[] x = new double[openNlp.getDimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        double[] gradient = new double[x.length];

        double value = new Maxent(indexer, L2).evaluate(x, gradient);

        double expected = openNlp.valueAt(x);
        double[] expectedGradient = openNlp.gradientAt(x).clone();
        for (int i = 0; i < x.length; i++) {
            expected += L2 * x[i] * x[i];
            expectedGradient[i] += 2 * L2 * x[i];
        }
        assertThat(value).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        for (int i = 0; i < x.length; i++) {
            assertThat(gradient[i]).as("gradient %d", i).isCloseTo(expectedGradient[i], within(1e-9));
        }
    }

    @Test
    void shouldWriteWeightsWhereOpenNlpsObjectiveHasItsMinimum() throws IOException {
        DataIndexer indexer = index(events(3, 400));

        Maxent.Fit fit = Maxent.fit(indexer, L2, 1e-6, 2000);

        assertThat(fit.converged()).isTrue();
        assertThat(fit.gradientNorm()).isLessThanOrEqualTo(1e-6);
        // the gradient of OpenNLP's objective, at the weights as OpenNLP's model holds them
        double[] x = weights(fit.model(), indexer);
        double[] gradient = new NegLogLikelihood(indexer).gradientAt(x).clone();
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            gradient[i] += 2 * L2 * x[i];
            norm += gradient[i] * gradient[i];
        }
        assertThat(Math.sqrt(norm)).isLessThan(1e-5);
        // and the model has learnt the outcomes' own words
        assertThat(fit.model().getBestOutcome(fit.model().eval(new String[] {"yes~b-word3", "yes~b-word8"})))
                .isEqualTo("yes~b");
    }

    @Test
    void shouldDependOnTheEventsNotOnTheirOrderOrOnAnEditElsewhere() throws IOException {
        List<Event> events = events(5, 500);
        List<Event> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(1));
        List<Event> edited = new ArrayList<>(events);
        String[] first = events.get(0).getContext();
        String[] longer = java.util.Arrays.copyOf(first, first.length + 1);
        longer[first.length] = "shared7";
        edited.set(0, new Event(events.get(0).getOutcome(), longer));

        QNModel original = Maxent.fit(index(events), L2, Trainer.GRADIENT_TOLERANCE / 100, 2000)
                .model();
        QNModel reordered = Maxent.fit(index(shuffled), L2, Trainer.GRADIENT_TOLERANCE / 100, 2000)
                .model();
        QNModel retrained = Maxent.fit(index(edited), L2, Trainer.GRADIENT_TOLERANCE / 100, 2000)
                .model();

        for (Event probe : events(99, 100)) {
            double[] p = original.eval(probe.getContext());
            double[] q = reordered.eval(probe.getContext());
            double[] r = retrained.eval(probe.getContext());
            for (String outcome : OUTCOMES) {
                double expected = p[original.getIndex(outcome)];
                assertThat(q[reordered.getIndex(outcome)]).isCloseTo(expected, within(1e-4));
                assertThat(r[retrained.getIndex(outcome)]).isCloseTo(expected, within(0.02));
            }
        }
    }
}
