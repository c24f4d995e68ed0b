package io.storefront.sentiment.bench;

import io.storefront.sentiment.bench.LabelledSets.Example;
import io.storefront.sentiment.domain.Calibration;
import io.storefront.sentiment.domain.Label;
import io.storefront.sentiment.domain.SentimentScorer;
import io.storefront.sentiment.domain.eval.BinaryMetrics;
import io.storefront.sentiment.domain.eval.RocAuc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Zero-shot accuracy of the lexicon scorer (run by {@code bench/sentiment.sh accuracy}). Calibrates
 * on SST-2's training sentences and the NYT editorial snippets, then reports each evaluation set
 * with the calibration the scorer uses.
 */
public final class AccuracyBenchmark {

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment");
        SentimentScorer scorer = SentimentScorer.load();

        // Calibration on sets none of the figures below are reported on: SST-2's training sentences for the
        // yes/no threshold and the confidence curve, NYT editorials (graded ratings) for the neutral band.
        List<Example> sst = LabelledSets.prefixed(dir.resolve("stsa.binary.train"));
        double[] sstPolarity = polarities(scorer, sst);
        double threshold = bestThreshold(sst, sstPolarity);
        System.out.printf("threshold chosen on SST-2 train (%d sentences): %.3f%n", sst.size(), threshold);
        thresholdSpread(sst, sstPolarity);
        List<Example> nyt = LabelledSets.rated(dir.resolve("nytEditorialSnippets_GroundTruth.txt"), true);
        double[] band = neutralBand(nyt, polarities(scorer, nyt), 0); // "no opinion" sits at 0
        System.out.printf("neutral band on NYT editorials (%d snippets): (%.3f, %.3f)%n", nyt.size(), band[0], band[1]);
        double[] logistic = logisticFit(sst, sstPolarity);
        System.out.printf("logistic slope %.3f intercept %.3f%n", logistic[0], logistic[1]);
        System.out.println("in use: " + scorer.calibration());

        Map<String, List<Example>> sets = new LinkedHashMap<>();
        sets.put("UCI yelp", LabelledSets.uci(dir.resolve("yelp_labelled.txt")));
        sets.put("UCI imdb", LabelledSets.uci(dir.resolve("imdb_labelled.txt")));
        sets.put("movie snippets", LabelledSets.rated(dir.resolve("movieReviewSnippets_GroundTruth.txt"), false));
        sets.put("tweets", LabelledSets.rated(dir.resolve("tweets_GroundTruth.txt"), false));
        sets.put("SST-2 dev", LabelledSets.prefixed(dir.resolve("stsa.binary.dev")));
        sets.put("SST-2 test", LabelledSets.prefixed(dir.resolve("stsa.binary.test")));
        sets.put("MR", LabelledSets.prefixed(dir.resolve("rt-polarity.all")));
        sets.put("MPQA", LabelledSets.prefixed(dir.resolve("mpqa.all")));

        Calibration used = scorer.calibration();
        System.out.println();
        System.out.println("| set | n | accuracy | macro-F1 | neutral answers | accuracy, neutral counted wrong |");
        System.out.println("|---|---|---|---|---|---|");
        for (var e : sets.entrySet()) {
            List<Example> examples = e.getValue();
            double[] p = polarities(scorer, examples);
            BinaryMetrics binary = new BinaryMetrics();
            BinaryMetrics threeWay = new BinaryMetrics();
            for (int i = 0; i < p.length; i++) {
                boolean actual = examples.get(i).positive();
                binary.add(actual, used.positive(p[i]));
                Label label = used.label(p[i]);
                if (label == Label.NEUTRAL || label == Label.UNKNOWN) threeWay.addAbstention(actual);
                else threeWay.add(actual, label == Label.POSITIVE);
            }
            System.out.printf("| %s | %d | %.3f | %.3f | %.1f %% | %.3f |%n", e.getKey(), binary.count(),
                    binary.accuracy(), binary.macroF1(), 100.0 * threeWay.abstained() / threeWay.count(),
                    threeWay.accuracy());
        }

        thresholdSweep(scorer, sets, List.of("UCI yelp", "UCI imdb", "movie snippets", "tweets"));

        List<Example> subj = LabelledSets.prefixed(dir.resolve("subj.all"));
        double[] subjectivity = new double[subj.size()];
        boolean[] subjective = new boolean[subj.size()];
        for (int i = 0; i < subj.size(); i++) {
            subjectivity[i] = scorer.scoreSentence(subj.get(i).text()).subjectivity();
            subjective[i] = !subj.get(i).positive(); // subj.all: 0 = subjective
        }
        System.out.printf("%nsubjectivity ROC AUC on subj.all (%d sentences): %.3f%n", subj.size(),
                RocAuc.of(subjectivity, subjective));
    }

    /**
     * What one threshold can do on the peers' sets: yes/no accuracy at each threshold, and how many texts
     * score exactly 0 (no opinion found) with the share of them rated positive. A diagnosis, not a choice:
     * the threshold in use is still the one chosen on SST-2 train above.
     */
    static void thresholdSweep(SentimentScorer scorer, Map<String, List<Example>> sets, List<String> names) {
        Map<String, double[]> polarity = new LinkedHashMap<>();
        for (String name : names) polarity.put(name, polarities(scorer, sets.get(name)));
        System.out.println();
        System.out.println("| texts scoring exactly 0 | " + String.join(" | ", names) + " |");
        System.out.println("|---" + "|---".repeat(names.size()) + "|");
        StringBuilder zeros = new StringBuilder("| share of the set, positive among them |");
        for (String name : names) {
            double[] p = polarity.get(name);
            List<Example> examples = sets.get(name);
            int zero = 0;
            int positive = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i] != 0) continue;
                zero++;
                if (examples.get(i).positive()) positive++;
            }
            zeros.append(String.format(" %.1f %%, %.2f |", 100.0 * zero / p.length, zero == 0 ? 0 : (double) positive / zero));
        }
        System.out.println(zeros);
        System.out.println();
        System.out.println("| threshold | " + String.join(" | ", names) + " |");
        System.out.println("|---" + "|---".repeat(names.size()) + "|");
        double inUse = scorer.calibration().threshold();
        for (double threshold : new double[] {0, Math.ulp(0.0), 0.05, 0.10, 0.15, 0.20, inUse, 0.25, 0.30}) {
            String label = threshold == 0 ? "0 (a text scoring 0 counts positive)"
                    : threshold == Math.ulp(0.0) ? "just above 0 (it counts negative)"
                    : threshold == inUse ? String.format("%.3f (in use)", threshold) : String.format("%.2f", threshold);
            StringBuilder row = new StringBuilder("| " + label + " |");
            for (String name : names) {
                double[] p = polarity.get(name);
                List<Example> examples = sets.get(name);
                int right = 0;
                for (int i = 0; i < p.length; i++) {
                    if ((p[i] >= threshold) == examples.get(i).positive()) right++;
                }
                row.append(String.format(" %.3f |", (double) right / p.length));
            }
            System.out.println(row);
        }
    }

    static double[] polarities(SentimentScorer scorer, List<Example> examples) {
        return examples.parallelStream().mapToDouble(e -> scorer.scoreSentence(e.text()).polarity()).toArray();
    }

    /**
     * How firmly SST-2 train picks its threshold: the same choice on 200 resamples of it (with replacement,
     * fixed seed), as percentiles. A diagnosis printed beside the choice; the threshold in use is the one above.
     */
    static void thresholdSpread(List<Example> examples, double[] polarity) {
        Random random = new Random(1);
        int rounds = 200;
        double[] chosen = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            List<Example> sample = new ArrayList<>(examples.size());
            double[] p = new double[examples.size()];
            for (int i = 0; i < p.length; i++) {
                int k = random.nextInt(examples.size());
                sample.add(examples.get(k));
                p[i] = polarity[k];
            }
            chosen[r] = bestThreshold(sample, p);
        }
        Arrays.sort(chosen);
        System.out.printf("the same choice on %d resamples of SST-2 train: 5 %% %.3f, 25 %% %.3f, median %.3f, 75 %% %.3f, 95 %% %.3f%n",
                rounds, chosen[rounds / 20], chosen[rounds / 4], chosen[rounds / 2], chosen[rounds * 3 / 4], chosen[rounds * 19 / 20]);
    }

    /** The threshold with the best accuracy over the snippets with a clear rating. */
    static double bestThreshold(List<Example> examples, double[] polarity) {
        double best = 0;
        double bestAccuracy = -1;
        for (double t = -0.3; t <= 0.3; t += 0.001) {
            int right = 0;
            int n = 0;
            for (int i = 0; i < polarity.length; i++) {
                if (examples.get(i).rating() == 0) continue;
                n++;
                if ((polarity[i] >= t) == examples.get(i).positive()) right++;
            }
            double accuracy = (double) right / n;
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                best = t;
            }
        }
        return Math.round(best * 1000) / 1000.0;
    }

    /**
     * The neutral band {@code (centre - w, centre + w)} with the best three-way accuracy, the truth
     * being positive above a rating of 0.5, negative below -0.5 and neutral between.
     */
    static double[] neutralBand(List<Example> examples, double[] polarity, double centre) {
        double width = 0;
        double best = -1;
        for (double w = 0; w <= 0.6; w += 0.005) {
            int right = 0;
            for (int i = 0; i < polarity.length; i++) {
                double rating = examples.get(i).rating();
                int truth = rating > 0.5 ? 1 : rating < -0.5 ? -1 : 0;
                int said = polarity[i] >= centre + w ? 1 : polarity[i] <= centre - w ? -1 : 0;
                if (truth == said) right++;
            }
            double accuracy = (double) right / polarity.length;
            if (accuracy > best) {
                best = accuracy;
                width = w;
            }
        }
        System.out.printf("neutral band ±%.3f: three-way accuracy %.3f on NYT editorials%n", width, best);
        return new double[] {centre - width, centre + width};
    }

    /** Maximum-likelihood logistic regression of "rated positive" on polarity (Newton's method). */
    static double[] logisticFit(List<Example> examples, double[] polarity) {
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 50; iter++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int i = 0; i < polarity.length; i++) {
                if (examples.get(i).rating() == 0) continue;
                double x = polarity[i];
                double p = 1 / (1 + Math.exp(-(a * x + b)));
                double y = examples.get(i).positive() ? 1 : 0;
                ga += (y - p) * x;
                gb += (y - p);
                double w = p * (1 - p);
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (det == 0) break;
            a += (hbb * ga - hab * gb) / det;
            b += (haa * gb - hab * ga) / det;
        }
        return new double[] {a, b};
    }
}
