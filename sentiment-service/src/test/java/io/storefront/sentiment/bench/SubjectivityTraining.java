package io.storefront.sentiment.bench;

import io.storefront.commons.stats.LogisticRegression;
import io.storefront.sentiment.domain.Lexicon;
import io.storefront.sentiment.domain.SentimentScorer;
import io.storefront.sentiment.domain.eval.RocAuc;
import io.storefront.sentiment.domain.model.DomainModel;
import io.storefront.sentiment.domain.model.LinearModel;
import io.storefront.sentiment.domain.model.NbSvm;
import io.storefront.sentiment.domain.model.NgramFeatures;
import io.storefront.sentiment.domain.nlp.EnglishPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains the subjectivity model the service ships ({@code src/main/resources/models/subjectivity.bin}), run by
 * {@code bench/sentiment.sh subjectivity-model}. No subjectivity labels are read: VADER's human-rated snippets
 * (movie reviews, NYT editorials, tweets; Hutto &amp; Gilbert 2014, MIT licence) rated far from neutral
 * (|mean| ≥ {@value #OPINION} on −4..4) are taken as subjective, those rated neutral (|mean| ≤ {@value #NEUTRAL})
 * as objective. NBSVM over word uni- and bigrams learns the words of each; a logistic fit on 5-fold
 * out-of-fold margins, beside the lexicon cues' log-odds, turns the margin into a probability. The written
 * model's margin is that log-odds: n-gram weights and bias scaled, the cues' weight as its dense weight.
 * Deterministic: the same data writes the same model.
 */
public final class SubjectivityTraining {

    static final double OPINION = 2.0;
    static final double NEUTRAL = 0.5;
    static final List<String> SETS = List.of("movieReviewSnippets_GroundTruth.txt", "nytEditorialSnippets_GroundTruth.txt",
            "tweets_GroundTruth.txt");
    private static final int FOLDS = 5;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        EnglishPipeline pipeline = EnglishPipeline.load(Lexicon.load().signs()); // tokens as the service makes them
        SentimentScorer cues = SentimentScorer.lexiconOnly();
        List<Set<String>> docs = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<Double> cueLogOdds = new ArrayList<>();
        Map<String, int[]> perSet = new HashMap<>();
        for (String set : SETS) {
            for (String line : Files.readAllLines(dir.resolve(set), StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length < 3) continue;
                double rating = Math.abs(Double.parseDouble(fields[1]));
                if (rating < OPINION && rating > NEUTRAL) continue;
                boolean subjective = rating >= OPINION;
                docs.add(NgramFeatures.of(DomainModel.tokens(pipeline.analyzeSentence(fields[2])), 2, false));
                labels.add(subjective);
                cueLogOdds.add(SentimentScorer.logOdds(cues.scoreSentence(fields[2]).subjectivity()));
                perSet.computeIfAbsent(set, k -> new int[2])[subjective ? 0 : 1]++;
            }
        }
        int n = docs.size();
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) y[i] = labels.get(i);
        perSet.forEach((set, counts) -> System.out.printf("%s: %d subjective, %d objective%n", set, counts[0], counts[1]));

        double[] outOfFold = new double[n];
        int[] fold = new int[n];
        Random random = new Random(7);
        for (int i = 0; i < n; i++) fold[i] = random.nextInt(FOLDS);
        for (int f = 0; f < FOLDS; f++) {
            List<Set<String>> train = new ArrayList<>();
            List<Boolean> trainLabels = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) continue;
                train.add(docs.get(i));
                trainLabels.add(y[i]);
            }
            LinearModel m = NbSvm.train(train, toArray(trainLabels), NbSvm.Settings.paper(), x -> { });
            for (int i = 0; i < n; i++) if (fold[i] == f) outOfFold[i] = m.margin(docs.get(i));
        }
        double[][] x = new double[n][];
        double[] cueOnly = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, outOfFold[i], cueLogOdds.get(i)};
            cueOnly[i] = cueLogOdds.get(i);
        }
        double[] w = LogisticRegression.fit(x, y, 1.0, new boolean[3]);
        double[] combined = new double[n];
        for (int i = 0; i < n; i++) combined[i] = LogisticRegression.dot(w, x[i]);
        System.out.printf("out-of-fold ROC AUC on these labels: n-grams %.4f, lexicon cues %.4f, combined %.4f%n",
                RocAuc.of(outOfFold, y), RocAuc.of(cueOnly, y), RocAuc.of(combined, y));
        System.out.printf("log-odds = %.4f + %.4f × n-gram margin + %.4f × cues' log-odds%n", w[0], w[1], w[2]);

        LinearModel all = NbSvm.train(docs, y, NbSvm.Settings.paper(), p -> { });
        Map<String, Float> scaled = new HashMap<>(all.weights().size() * 2);
        all.weights().forEach((gram, weight) -> scaled.put(gram, (float) (w[1] * weight)));
        LinearModel model = new LinearModel(all.maxN(), all.characters(), scaled, new double[] {w[2]},
                w[0] + w[1] * all.bias());
        byte[] bytes = model.toBytes();
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
        System.out.printf("%d examples, %d n-grams; wrote %s (%,d bytes)%n", n, scaled.size(), out, bytes.length);
    }

    private static boolean[] toArray(List<Boolean> labels) {
        boolean[] out = new boolean[labels.size()];
        for (int i = 0; i < out.length; i++) out[i] = labels.get(i);
        return out;
    }
}
