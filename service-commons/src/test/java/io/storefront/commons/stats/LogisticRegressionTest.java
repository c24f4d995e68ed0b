package io.storefront.commons.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void logisticRegressionRecoversTheWeightsThatMadeTheLabels() {
        Random random = new Random(7);
        double[] truth = {-1, 2, -3};
        int n = 40_000;
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        for (int r = 0; r < n; r++) {
            x[r] = new double[] {1, random.nextDouble(), random.nextDouble(), random.nextGaussian()};
            double p = 1 / (1 + Math.exp(-(truth[0] + truth[1] * x[r][1] + truth[2] * x[r][2])));
            y[r] = random.nextDouble() < p;
        }
        double[] w = LogisticRegression.fit(x, y, 1.0, new boolean[] {false, false, false, true});
        assertEquals(-1, w[0], 0.15);
        assertEquals(2, w[1], 0.15);
        assertEquals(-3, w[2], 0.15);
        assertEquals(0, w[3], 0.0, "a fixed feature stays at 0 however it correlates");
    }
}
