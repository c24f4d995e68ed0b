package io.storefront.sentiment.domain.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * NBSVM (Wang &amp; Manning, ACL 2012): binarized n-gram features scaled by their naive-Bayes
 * log-count ratio, then an L2-regularised, L2-loss linear SVM trained by dual coordinate descent
 * (Hsieh et al., ICML 2008, the liblinear solver), with the interpolation
 * {@code w' = (1 - beta) * mean|w| + beta * w} of the paper (bias and dense weights interpolated between
 * the same two classifiers, see below). Dense features (the lexicon's scores)
 * may stand beside the n-grams unscaled. Pure Java, deterministic for a seed.
 */
public final class NbSvm {

    /** n-grams up to {@code maxN}, character n-grams or not, and the SVM's C, beta and smoothing alpha. */
    public record Settings(int maxN, boolean characters, double c, double beta, double alpha, int epochs, long seed) {
        /** The paper's NBSVM-bi: word uni- and bigrams, C = 1, beta = 0.25, alpha = 1. */
        public static Settings paper() {
            return new Settings(2, false, 1.0, 0.25, 1.0, 50, 42);
        }

        /** Ours: the paper's plus character n-grams (and, given by the caller, the lexicon's scores). */
        public static Settings ours() {
            return new Settings(2, true, 1.0, 0.25, 1.0, 50, 42);
        }
    }

    /**
     * Trained weights by feature number. A feature no training document had gets weight 0 (it says
     * nothing), so a model trained on some folds scores the held-out fold as if it had never seen it.
     */
    public record Weights(float[] sparse, double[] dense, double bias) {
        public double margin(int[] doc, double[] features) {
            double m = bias;
            for (int f : doc) if (f < sparse.length) m += sparse[f];
            for (int e = 0; e < dense.length; e++) m += dense[e] * features[e];
            return m;
        }

        /** The model with feature names, keeping only the features that carry a weight. */
        public LinearModel toModel(FeatureIndex index, Settings s) {
            Map<String, Float> named = new HashMap<>();
            for (int f = 0; f < sparse.length; f++) if (sparse[f] != 0) named.put(index.name(f), sparse[f]);
            return new LinearModel(s.maxN(), s.characters(), named, dense.clone(), bias);
        }
    }

    private NbSvm() {
    }

    /** Trains on n-gram sets (convenience for small data; large data goes through {@link FeatureIndex}). */
    public static LinearModel train(List<Set<String>> docs, double[][] dense, boolean[] positive, Settings s,
                                    IntConsumer progress) {
        FeatureIndex index = new FeatureIndex();
        int[][] encoded = docs.stream().map(index::encode).toArray(int[][]::new);
        return train(encoded, index.size(), dense, positive, s, progress).toModel(index, s);
    }

    public static LinearModel train(List<Set<String>> docs, boolean[] positive, Settings s, IntConsumer progress) {
        return train(docs, null, positive, s, progress);
    }

    /**
     * Trains on documents given as feature numbers below {@code features}; {@code dense[d]} (or null)
     * holds each document's dense features; {@code progress} hears each finished epoch.
     */
    public static Weights train(int[][] docs, int features, double[][] dense, boolean[] positive, Settings s,
                                IntConsumer progress) {
        int v = features;
        double[] p = new double[v];
        double[] q = new double[v];
        boolean[] seen = new boolean[v];
        for (int d = 0; d < docs.length; d++) {
            double[] counts = positive[d] ? p : q;
            for (int f : docs[d]) {
                counts[f] += 1;
                seen[f] = true;
            }
        }
        double pSum = 0;
        double qSum = 0;
        for (int f = 0; f < v; f++) {
            if (!seen[f]) continue;
            p[f] += s.alpha();
            q[f] += s.alpha();
            pSum += p[f];
            qSum += q[f];
        }
        double[] r = new double[v];
        for (int f = 0; f < v; f++) if (seen[f]) r[f] = Math.log((p[f] / pSum) / (q[f] / qSum));

        // x_d = r on the document's n-grams, then the dense features, then a bias feature of 1
        int extra = dense == null ? 0 : dense[0].length;
        int bias = v + extra;
        double[] w = new double[v + extra + 1];
        double[] alphaDual = new double[docs.length];
        double[] qii = new double[docs.length];
        double diag = 1 / (2 * s.c());
        for (int d = 0; d < docs.length; d++) {
            double norm = 1;
            for (int f : docs[d]) norm += r[f] * r[f];
            for (int e = 0; e < extra; e++) norm += dense[d][e] * dense[d][e];
            qii[d] = norm + diag;
        }
        int[] order = new int[docs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Random random = new Random(s.seed());
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double maxViolation = 0;
            for (int d : order) {
                double y = positive[d] ? 1 : -1;
                double margin = w[bias];
                for (int f : docs[d]) margin += w[f] * r[f];
                for (int e = 0; e < extra; e++) margin += w[v + e] * dense[d][e];
                double g = y * margin - 1 + diag * alphaDual[d];
                double pg = alphaDual[d] == 0 ? Math.min(g, 0) : g;
                maxViolation = Math.max(maxViolation, Math.abs(pg));
                if (pg != 0) {
                    double old = alphaDual[d];
                    alphaDual[d] = Math.max(old - g / qii[d], 0);
                    double step = (alphaDual[d] - old) * y;
                    for (int f : docs[d]) w[f] += step * r[f];
                    for (int e = 0; e < extra; e++) w[v + e] += step * dense[d][e];
                    w[bias] += step;
                }
            }
            progress.accept(epoch + 1);
            if (maxViolation < 0.01) break;
        }
        double meanAbs = 0;
        int counted = 0;
        for (int f = 0; f < v; f++) {
            if (!seen[f]) continue;
            meanAbs += Math.abs(w[f]);
            counted++;
        }
        meanAbs /= Math.max(1, counted);
        float[] sparse = new float[v];
        for (int f = 0; f < v; f++) {
            if (seen[f]) sparse[f] = (float) (((1 - s.beta()) * meanAbs + s.beta() * w[f]) * r[f]);
        }
        // β interpolates two whole classifiers: naive Bayes (weight mean|w| on every scaled n-gram, its
        // log prior as bias, nothing on dense features) and the SVM. Interpolating the bias towards
        // mean|w| instead, as if it were an n-gram, leaned every model positive whatever the prior.
        int positives = 0;
        for (boolean b : positive) if (b) positives++;
        double logPrior = Math.log(Math.max(1, positives) / (double) Math.max(1, docs.length - positives));
        double[] denseWeights = new double[extra];
        for (int e = 0; e < extra; e++) denseWeights[e] = s.beta() * w[v + e];
        return new Weights(sparse, denseWeights, (1 - s.beta()) * meanAbs * logPrior + s.beta() * w[bias]);
    }
}
