package io.storefront.sentiment.domain.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NbSvmTest {

    private static List<String> words(String text) {
        return Arrays.asList(text.split(" "));
    }

    @Test
    void ngramsAreBinarizedAndCharacterGramsCarryWordBoundaries() {
        assertEquals(Set.of("not", "good", "not good"), NgramFeatures.of(words("not good"), 2));
        assertEquals(Set.of("good", "good good"), NgramFeatures.of(words("good good"), 2));
        Set<String> chars = NgramFeatures.of(words("ok"), 1, true);
        assertEquals(Set.of("ok", "#<ok", "#ok>", "#<ok>"), chars);
    }

    /** Words that decide the label among noise words; the model must find them and generalise. */
    @Test
    void learnsWhichWordsDecideAndPredictsHeldOutDocuments() {
        Random random = new Random(1);
        String[] noise = {"the", "a", "it", "was", "this", "product", "and", "very", "is", "of"};
        List<Set<String>> docs = new ArrayList<>();
        List<List<String>> texts = new ArrayList<>();
        boolean[] labels = new boolean[400];
        for (int d = 0; d < 400; d++) {
            labels[d] = d % 2 == 0;
            List<String> t = new ArrayList<>();
            for (int k = 0; k < 6; k++) t.add(noise[random.nextInt(noise.length)]);
            t.add(random.nextInt(t.size()), labels[d] ? (random.nextBoolean() ? "great" : "lovely") : (random.nextBoolean() ? "awful" : "broken"));
            texts.add(t);
            docs.add(NgramFeatures.of(t, 2));
        }
        LinearModel model = NbSvm.train(docs.subList(0, 300), Arrays.copyOf(labels, 300), NbSvm.Settings.paper(), e -> { });
        int right = 0;
        for (int d = 300; d < 400; d++) if ((model.margin(texts.get(d)) > 0) == labels[d]) right++;
        assertEquals(100, right);
        assertTrue(model.weights().get("great") > 0 && model.weights().get("awful") < 0);
    }

    @Test
    void denseFeaturesAreLearnedAndTheModelSurvivesItsBinaryForm() {
        List<Set<String>> docs = new ArrayList<>();
        double[][] dense = new double[200][];
        boolean[] labels = new boolean[200];
        for (int d = 0; d < 200; d++) {
            labels[d] = d % 2 == 0;
            docs.add(Set.of("same", "words"));
            dense[d] = new double[] {labels[d] ? 0.8 : -0.8};
        }
        LinearModel model = NbSvm.train(docs, dense, labels, NbSvm.Settings.ours(), e -> { });
        assertTrue(model.margin(List.of("same", "words"), 0.8) > 0);
        assertTrue(model.margin(List.of("same", "words"), -0.8) < 0);
        LinearModel copy = LinearModel.fromBytes(model.toBytes());
        assertEquals(model.weights(), copy.weights());
        assertArrayEquals(model.denseWeights(), copy.denseWeights());
        assertEquals(model.bias(), copy.bias());
        assertEquals(model.characters(), copy.characters());
        assertEquals(model.margin(List.of("same", "words"), 0.3), copy.margin(List.of("same", "words"), 0.3), 1e-12);
    }

    /**
     * β = 0 leaves the naive-Bayes half of the interpolation alone: the model must then decide like
     * multinomial naive Bayes on binarized features with α = 1, computed here from the counts, prior
     * included (a document of unseen words goes to the larger class).
     */
    @Test
    void withBetaZeroTheModelIsNaiveBayesPriorIncluded() {
        Random random = new Random(3);
        String[] vocabulary = {"good", "bad", "fine", "poor", "ok", "meh", "nice", "dull"};
        List<Set<String>> docs = new ArrayList<>();
        boolean[] labels = new boolean[400];
        for (int d = 0; d < 400; d++) {
            labels[d] = d % 4 == 0; // a quarter positive
            Set<String> doc = new java.util.HashSet<>();
            for (int k = 0; k < 3; k++) {
                int w = random.nextInt(vocabulary.length);
                // positives lean to the even words, negatives to the odd ones
                if (random.nextDouble() < 0.7) w = (w & ~1) | (labels[d] ? 0 : 1);
                doc.add(vocabulary[w]);
            }
            docs.add(doc);
        }
        NbSvm.Settings naiveBayes = new NbSvm.Settings(1, false, 1.0, 0.0, 1.0, 50, 42);
        LinearModel model = NbSvm.train(docs, labels, naiveBayes, e -> { });

        java.util.Map<String, double[]> counts = new java.util.HashMap<>();
        for (int d = 0; d < docs.size(); d++) {
            for (String w : docs.get(d)) counts.computeIfAbsent(w, x -> new double[] {1, 1})[labels[d] ? 0 : 1]++;
        }
        double pSum = counts.values().stream().mapToDouble(c -> c[0]).sum();
        double qSum = counts.values().stream().mapToDouble(c -> c[1]).sum();
        for (Set<String> doc : docs) {
            double logOdds = Math.log(100 / 300.0);
            for (String w : doc) logOdds += Math.log((counts.get(w)[0] / pSum) / (counts.get(w)[1] / qSum));
            assertEquals(logOdds > 0, model.margin(new ArrayList<>(doc)) > 0, doc.toString());
        }
        assertTrue(model.margin(List.of("unseen", "words")) < 0);
    }
}
