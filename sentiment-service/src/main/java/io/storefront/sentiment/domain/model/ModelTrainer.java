package io.storefront.sentiment.domain.model;

import io.storefront.sentiment.domain.Round;
import io.storefront.sentiment.domain.Calibration;
import io.storefront.sentiment.domain.eval.BinaryMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains a domain model on rated reviews (4–5 stars positive, 1–2 negative) and says whether it
 * beats the lexicon: k-fold cross-validation scores the trained model and the lexicon on the same
 * held-out folds; the final model is then fitted on all examples, its confidence curve on the
 * out-of-fold margins. Nothing is chosen on the evaluation folds (the settings are fixed).
 */
public final class ModelTrainer {

    /** A rated review as training sees it: its tokens, the lexicon's scores, and the stars' verdict. */
    public record Example(List<String> tokens, double lexiconPolarity, double lexiconSubjectivity, boolean positive) {
    }

    public record Metrics(double accuracy, double macroF1) {
        static Metrics of(BinaryMetrics m) {
            return new Metrics(Round.four(m.accuracy()), Round.four(m.macroF1()));
        }
    }

    public record Result(LinearModel model, double plattSlope, double plattIntercept, int folds, int examples,
                         int positives, Metrics trained, Metrics lexicon) {
        /** Better on both accuracy and macro-F1, so that a majority-class model cannot win on a skewed store. */
        public boolean better() {
            return trained.accuracy() > lexicon.accuracy() && trained.macroF1() >= lexicon.macroF1();
        }
    }

    /** Hears the phase and the share done, in [0, 1]. */
    public interface Progress {
        void report(String phase, double done);
    }

    private ModelTrainer() {
    }

    public static Result train(List<Example> examples, Calibration lexicon, int folds, long seed, Progress progress) {
        int positives = (int) examples.stream().filter(Example::positive).count();
        NbSvm.Settings settings = NbSvm.Settings.ours();
        FeatureIndex index = new FeatureIndex();
        int[][] docs = new int[examples.size()][];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = index.encode(NgramFeatures.of(examples.get(i).tokens(), settings.maxN(), settings.characters()));
        }
        double[][] dense = examples.stream()
                .map(e -> new double[] {e.lexiconPolarity(), e.lexiconSubjectivity()}).toArray(double[][]::new);
        int[] fold = folds(examples, folds, seed);
        double[] outOfFold = new double[examples.size()];
        BinaryMetrics trained = new BinaryMetrics();
        BinaryMetrics lexiconMetrics = new BinaryMetrics();
        for (int k = 0; k < folds; k++) {
            progress.report("cross-validating, fold " + (k + 1) + " of " + folds, (double) k / (folds + 1));
            List<int[]> train = new ArrayList<>();
            List<double[]> trainDense = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == k) continue;
                train.add(docs[i]);
                trainDense.add(dense[i]);
                labels.add(examples.get(i).positive());
            }
            NbSvm.Weights model = NbSvm.train(train.toArray(int[][]::new), index.size(),
                    trainDense.toArray(double[][]::new), booleans(labels), settings, e -> { });
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != k) continue;
                outOfFold[i] = model.margin(docs[i], dense[i]);
                trained.add(examples.get(i).positive(), outOfFold[i] > 0);
                lexiconMetrics.add(examples.get(i).positive(), lexicon.positive(examples.get(i).lexiconPolarity()));
            }
        }
        progress.report("fitting the final model on all examples", (double) folds / (folds + 1));
        boolean[] all = new boolean[examples.size()];
        for (int i = 0; i < all.length; i++) all[i] = examples.get(i).positive();
        LinearModel model = NbSvm.train(docs, index.size(), dense, all, settings, e -> { }).toModel(index, settings);
        double[] platt = plattFit(outOfFold, all);
        progress.report("done", 1);
        return new Result(model, platt[0], platt[1], folds, examples.size(), positives, Metrics.of(trained),
                Metrics.of(lexiconMetrics));
    }

    /** Folds stratified by label, so that every fold holds both classes even on a skewed store. */
    static int[] folds(List<Example> examples, int k, long seed) {
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) (examples.get(i).positive() ? pos : neg).add(i);
        Random random = new Random(seed);
        Collections.shuffle(pos, random);
        Collections.shuffle(neg, random);
        int[] fold = new int[examples.size()];
        for (int i = 0; i < pos.size(); i++) fold[pos.get(i)] = i % k;
        for (int i = 0; i < neg.size(); i++) fold[neg.get(i)] = i % k;
        return fold;
    }

    /** Maximum-likelihood logistic curve p = 1 / (1 + exp(-(a * margin + b))) by Newton's method. */
    static double[] plattFit(double[] margins, boolean[] positive) {
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 50; iter++) {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < margins.length; i++) {
                double p = 1 / (1 + Math.exp(-(a * margins[i] + b)));
                double y = positive[i] ? 1 : 0;
                ga += (y - p) * margins[i];
                gb += y - p;
                double w = p * (1 - p);
                haa += w * margins[i] * margins[i];
                hab += w * margins[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) break;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a += da;
            b += db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) break;
        }
        return new double[] {a, b};
    }

    private static boolean[] booleans(List<Boolean> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }
}
