package io.storefront.sentiment.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.sentiment.domain.Calibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

    /** A store whose customers praise with a word the lexicon does not know: only training can learn it. */
    private static List<ModelTrainer.Example> store(int n, long seed) {
        Random random = new Random(seed);
        String[] items = {"hat", "coat", "scarf", "glove", "boot", "bag"};
        List<ModelTrainer.Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean positive = random.nextDouble() < 0.6;
            String item = items[random.nextInt(items.length)];
            examples.add(new ModelTrainer.Example(List.of("the", item, "is", positive ? "zorbly" : "grimple", "."),
                    0, 0, positive));
        }
        return examples;
    }

    @Test
    void aModelThatLearnsTheStoresWordsBeatsTheLexiconOnTheSameFolds() {
        List<String> phases = new ArrayList<>();
        ModelTrainer.Result r = ModelTrainer.train(store(300, 1), Calibration.LEXICON, 5, 1, (phase, done) -> phases.add(phase));
        assertEquals(300, r.examples());
        assertEquals(5, r.folds());
        assertTrue(r.trained().accuracy() > 0.99, r.toString());
        assertTrue(r.lexicon().accuracy() < 0.5, "the lexicon calls every unknown text negative: " + r.lexicon());
        assertTrue(r.better());
        assertEquals("cross-validating, fold 1 of 5", phases.getFirst());
        assertEquals("done", phases.getLast());
        double p = new DomainModel(1, r.model(), r.plattSlope(), r.plattIntercept())
                .probability(List.of("the", "hat", "is", "zorbly", "."), 0, 0);
        assertTrue(p > 0.9, "calibrated probability " + p);
    }

    @Test
    void aModelNoBetterThanTheLexiconIsSaidToBeSo() {
        // labels unrelated to the words: nothing to learn, and the lexicon's majority answer is as good
        Random random = new Random(3);
        List<ModelTrainer.Example> noise = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            noise.add(new ModelTrainer.Example(List.of("w" + random.nextInt(50), "w" + random.nextInt(50)), 0, 0,
                    random.nextDouble() < 0.2));
        }
        ModelTrainer.Result r = ModelTrainer.train(noise, Calibration.LEXICON, 5, 1, (phase, done) -> { });
        assertFalse(r.better(), r.toString());
    }

    @Test
    void foldsAreStratifiedSoEveryFoldHoldsBothSides() {
        List<ModelTrainer.Example> skewed = new ArrayList<>();
        for (int i = 0; i < 100; i++) skewed.add(new ModelTrainer.Example(List.of("x"), 0, 0, i < 10));
        int[] fold = ModelTrainer.folds(skewed, 5, 7);
        for (int k = 0; k < 5; k++) {
            int positives = 0;
            int all = 0;
            for (int i = 0; i < 100; i++) {
                if (fold[i] != k) continue;
                all++;
                if (skewed.get(i).positive()) positives++;
            }
            assertEquals(20, all);
            assertEquals(2, positives);
        }
    }
}
