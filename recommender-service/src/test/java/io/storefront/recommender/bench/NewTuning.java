package io.storefront.recommender.bench;

import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.eval.RetailData;
import io.storefront.recommender.domain.eval.TemporalSplit;
import io.storefront.recommender.domain.model.EaseR;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tunes EASE^R's weighting and lambda for the "new" variant on the validation split only, then tests once. */
public final class NewTuning {
    public static void main(String[] args) {
        RetailBenchmark.Splits splits = RetailBenchmark.Splits.read(args[0]);
        List<RetailData.Line> lines = splits.lines();
        TemporalSplit val = splits.validation(), test = splits.test();
        LocalDateTime valCut = RetailBenchmark.VALIDATION_CUT, testCut = RetailBenchmark.TEST_CUT;
        String bestName = null;
        double bestLambda = 0;
        double best = -1;
        for (var w : weightings(valCut).entrySet()) {
            for (double lambda : new double[] {100, 250, 500, 1000}) {
                double ndcg = RetailBenchmark.metrics("new", new EaseR(val.train(), lambda, w.getValue()), val).ndcg();
                System.out.printf("validation %s lambda=%.0f: NDCG %.4f%n", w.getKey(), lambda, ndcg);
                if (ndcg > best) {
                    best = ndcg;
                    bestName = w.getKey();
                    bestLambda = lambda;
                }
            }
        }
        System.out.printf("chosen on validation: %s lambda=%.0f (NDCG %.4f)%n", bestName, bestLambda, best);
        var m = RetailBenchmark.metrics("new", new EaseR(test.train(), bestLambda, weightings(testCut).get(bestName)), test);
        System.out.printf("test: HR %.3f P %.3f NDCG %.3f MAP %.3f coverage %.3f%n", m.hr(), m.precision(), m.ndcg(),
                m.map(), m.coverage());
    }

    static Map<String, EaseR.Weighting> weightings(LocalDateTime end) {
        Map<String, EaseR.Weighting> w = new LinkedHashMap<>();
        w.put("binary", EaseR.Weighting.BINARY);
        w.put("log1p(invoices)", (Interactions m, int u, int k) -> Math.log1p(m.strengthsOf(u)[k]));
        for (double halfLife : new double[] {90, 180}) {
            w.put("recency half-life " + (int) halfLife, (Interactions m, int u, int k) ->
                    0.25 + Math.pow(0.5, Duration.between(m.lastBoughtOf(u)[k], end).toDays() / halfLife));
        }
        return w;
    }
}
