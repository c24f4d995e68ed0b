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
 * {@code w' = (1 - beta) * mean|w| + beta * w} of the paper. Pure Java, deterministic for a seed.
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

    private NbSvm() {
    }

    /**
     * Trains on documents given as n-gram sets with yes/no labels; {@code progress} hears each finished
     * epoch. Returns the weight of each n-gram (ratio × interpolated SVM weight) and the bias.
     */
    public static LinearModel train(List<Set<String>> docs, boolean[] positive, Settings s, IntConsumer progress) {
        return train(docs, null, positive, s, progress);
    }

    /**
     * The same with dense features per document beside the n-grams ({@code dense[d]}, the same length
     * for every document, e.g. the lexicon's polarity and subjectivity); they are not ratio-scaled.
     */
    public static LinearModel train(List<Set<String>> docs, double[][] dense, boolean[] positive, Settings s,
                                    IntConsumer progress) {
        Map<String, Integer> index = new HashMap<>();
        int[][] features = new int[docs.size()][];
        for (int d = 0; d < docs.size(); d++) {
            Set<String> grams = docs.get(d);
            int[] ids = new int[grams.size()];
            int k = 0;
            for (String g : grams) ids[k++] = index.computeIfAbsent(g, x -> index.size());
            features[d] = ids;
        }
        int v = index.size();
        double[] p = new double[v];
        double[] q = new double[v];
        java.util.Arrays.fill(p, s.alpha());
        java.util.Arrays.fill(q, s.alpha());
        for (int d = 0; d < docs.size(); d++) {
            double[] counts = positive[d] ? p : q;
            for (int f : features[d]) counts[f] += 1;
        }
        double pSum = 0;
        double qSum = 0;
        for (int f = 0; f < v; f++) {
            pSum += p[f];
            qSum += q[f];
        }
        double[] r = new double[v];
        for (int f = 0; f < v; f++) r[f] = Math.log((p[f] / pSum) / (q[f] / qSum));

        // x_d = r on the document's n-grams, then the dense features, then a bias feature of 1
        int extra = dense == null ? 0 : dense[0].length;
        int bias = v + extra;
        double[] w = new double[v + extra + 1];
        double[] alphaDual = new double[docs.size()];
        double[] qii = new double[docs.size()];
        double diag = 1 / (2 * s.c());
        for (int d = 0; d < docs.size(); d++) {
            double norm = 1;
            for (int f : features[d]) norm += r[f] * r[f];
            for (int e = 0; e < extra; e++) norm += dense[d][e] * dense[d][e];
            qii[d] = norm + diag;
        }
        int[] order = new int[docs.size()];
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
                for (int f : features[d]) margin += w[f] * r[f];
                for (int e = 0; e < extra; e++) margin += w[v + e] * dense[d][e];
                double g = y * margin - 1 + diag * alphaDual[d];
                double pg = alphaDual[d] == 0 ? Math.min(g, 0) : g;
                maxViolation = Math.max(maxViolation, Math.abs(pg));
                if (pg != 0) {
                    double old = alphaDual[d];
                    alphaDual[d] = Math.max(old - g / qii[d], 0);
                    double step = (alphaDual[d] - old) * y;
                    for (int f : features[d]) w[f] += step * r[f];
                    for (int e = 0; e < extra; e++) w[v + e] += step * dense[d][e];
                    w[bias] += step;
                }
            }
            progress.accept(epoch + 1);
            if (maxViolation < 0.01) break;
        }
        double meanAbs = 0;
        for (int f = 0; f < v; f++) meanAbs += Math.abs(w[f]);
        meanAbs /= Math.max(1, v);
        Map<String, Float> weights = new HashMap<>(v * 2);
        for (var e : index.entrySet()) {
            int f = e.getValue();
            double interpolated = (1 - s.beta()) * meanAbs + s.beta() * w[f];
            weights.put(e.getKey(), (float) (interpolated * r[f]));
        }
        double[] denseWeights = new double[extra];
        for (int e = 0; e < extra; e++) denseWeights[e] = (1 - s.beta()) * meanAbs + s.beta() * w[v + e];
        return new LinearModel(s.maxN(), s.characters(), weights, denseWeights, (1 - s.beta()) * meanAbs + s.beta() * w[bias]);
    }
}
