package io.storefront.sentiment.bench;

import io.storefront.sentiment.bench.LabelledSets.Example;
import io.storefront.sentiment.domain.SentimentScorer;
import io.storefront.sentiment.domain.TextSentiment;
import io.storefront.sentiment.domain.eval.BinaryMetrics;
import io.storefront.sentiment.domain.model.FeatureIndex;
import io.storefront.sentiment.domain.model.NbSvm;
import io.storefront.sentiment.domain.model.NgramFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * 10-fold cross-validated accuracy of the trained model on MR, Subj and MPQA, the protocol of Wang
 * &amp; Manning (2012); run by {@code bench/sentiment.sh trained}. Each set is split three times (fold
 * seeds 7, 1, 2) and the mean is reported with the range. Two models: the paper's NBSVM-bi as we
 * implement it, and ours (the same plus character n-grams and the lexicon's polarity and
 * subjectivity as two dense features). The sets come tokenized and lower-cased: tokens are split on spaces.
 */
public final class TrainedBenchmark {

    private static final long[] FOLD_SEEDS = {7, 1, 2};

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment");
        SentimentScorer scorer = SentimentScorer.load();
        System.out.println("| set | n | NBSVM-bi, ours as implemented | ours: + characters + lexicon | macro-F1 (ours) "
                + "| NBSVM-bi (paper) | seconds |");
        System.out.println("|---|---|---|---|---|---|---|");
        run("MR", LabelledSets.prefixed(dir.resolve("rt-polarity.all")), scorer, 79.4);
        run("Subj", LabelledSets.prefixed(dir.resolve("subj.all")), scorer, 93.2);
        run("MPQA", LabelledSets.prefixed(dir.resolve("mpqa.all")), scorer, 86.3);
    }

    static void run(String name, List<Example> examples, SentimentScorer scorer, double paper) {
        long start = System.nanoTime();
        double[][] lexicon = examples.parallelStream().map(e -> {
            TextSentiment t = scorer.scoreSentence(e.text());
            return new double[] {t.polarity(), t.subjectivity()};
        }).toArray(double[][]::new);
        double[] plain = new double[FOLD_SEEDS.length];
        double[] ours = new double[FOLD_SEEDS.length];
        double[] oursF1 = new double[FOLD_SEEDS.length];
        for (int s = 0; s < FOLD_SEEDS.length; s++) {
            BinaryMetrics a = crossValidate(examples, null, NbSvm.Settings.paper(), FOLD_SEEDS[s]);
            BinaryMetrics b = crossValidate(examples, lexicon, NbSvm.Settings.ours(), FOLD_SEEDS[s]);
            plain[s] = 100 * a.accuracy();
            ours[s] = 100 * b.accuracy();
            oursF1[s] = 100 * b.macroF1();
        }
        System.out.printf("| %s | %d | %s | %s | %.1f | %.1f | %.0f |%n", name, examples.size(), range(plain), range(ours),
                mean(oursF1), paper, (System.nanoTime() - start) / 1e9);
    }

    static BinaryMetrics crossValidate(List<Example> examples, double[][] dense, NbSvm.Settings settings, long seed) {
        FeatureIndex index = new FeatureIndex();
        int[][] docs = examples.stream().map(e -> index.encode(NgramFeatures.of(Arrays.asList(e.text().split("\\s+")),
                settings.maxN(), settings.characters()))).toArray(int[][]::new);
        int[] fold = folds(examples.size(), 10, seed);
        BinaryMetrics metrics = new BinaryMetrics();
        for (int k = 0; k < 10; k++) {
            List<int[]> train = new ArrayList<>();
            List<double[]> trainDense = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == k) continue;
                train.add(docs[i]);
                if (dense != null) trainDense.add(dense[i]);
                labels.add(examples.get(i).positive());
            }
            boolean[] y = new boolean[labels.size()];
            for (int i = 0; i < y.length; i++) y[i] = labels.get(i);
            NbSvm.Weights model = NbSvm.train(train.toArray(int[][]::new), index.size(),
                    dense == null ? null : trainDense.toArray(double[][]::new), y, settings, epoch -> { });
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != k) continue;
                double m = model.margin(docs[i], dense == null ? new double[0] : dense[i]);
                metrics.add(examples.get(i).positive(), m > 0);
            }
        }
        return metrics;
    }

    /** A fold number for each example, shuffled with a fixed seed so every run splits the same way. */
    static int[] folds(int n, int k, long seed) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) fold[order.get(i)] = i % k;
        return fold;
    }

    private static String range(double[] xs) {
        double min = Arrays.stream(xs).min().orElseThrow();
        double max = Arrays.stream(xs).max().orElseThrow();
        return String.format("%.1f (%.1f–%.1f)", mean(xs), min, max);
    }

    private static double mean(double[] xs) {
        return Arrays.stream(xs).average().orElseThrow();
    }
}
