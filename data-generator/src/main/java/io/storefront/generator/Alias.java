package io.storefront.generator;

import java.util.SplittableRandom;

/** Walker's alias method: draws an index with the given weights in O(1). */
final class Alias {

    private final double[] probability;
    private final int[] alias;

    Alias(double[] weights) {
        int n = weights.length;
        probability = new double[n];
        alias = new int[n];
        double sum = 0;
        for (double w : weights) sum += w;
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1) small[smallCount++] = i;
            else large[largeCount++] = i;
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[--largeCount];
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) small[smallCount++] = l;
            else large[largeCount++] = l;
        }
        while (largeCount > 0) probability[large[--largeCount]] = 1;
        while (smallCount > 0) probability[small[--smallCount]] = 1;
    }

    int next(SplittableRandom random) {
        int column = random.nextInt(probability.length);
        return random.nextDouble() < probability[column] ? column : alias[column];
    }

    int size() {
        return probability.length;
    }
}
