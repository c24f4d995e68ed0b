package io.storefront.recommender.bench;

import io.storefront.recommender.domain.eval.RetailData;
import io.storefront.recommender.domain.eval.TemporalSplit;
import io.storefront.recommender.domain.model.EaseR;
import io.storefront.recommender.domain.model.RepeatAware;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/** Tunes the repeat-aware blend on the validation split only (train < 2011-06-01, validate to 2011-09-01), then tests once. */
public final class RepeatTuning {
    public static void main(String[] args) {
        List<RetailData.Line> lines = RetailData.read(Path.of(args[0]));
        LocalDateTime valCut = LocalDateTime.of(2011, 6, 1, 0, 0);
        LocalDateTime testCut = LocalDateTime.of(2011, 9, 1, 0, 0);
        TemporalSplit val = TemporalSplit.of(lines, valCut, testCut);
        double best = -1;
        double[] bestParams = null;
        EaseR ease = new EaseR(val.train(), 200);
        for (double w : new double[] {0.25, 0.5, 1, 2, 4}) {
            for (double h : new double[] {15, 30, 60, 120, 365}) {
                var metrics = RetailBenchmark.metrics("repeat", new RepeatAware(val.train(), ease, w, h, valCut), val);
                System.out.printf("validation w=%.2f half-life=%.0f d: NDCG %.4f%n", w, h, metrics.ndcg());
                if (metrics.ndcg() > best) {
                    best = metrics.ndcg();
                    bestParams = new double[] {w, h};
                }
            }
        }
        System.out.printf("chosen on validation: w=%.2f half-life=%.0f (NDCG %.4f)%n", bestParams[0], bestParams[1], best);
        TemporalSplit test = TemporalSplit.of(lines, testCut, null);
        var m = RetailBenchmark.metrics("repeat", new RepeatAware(test.train(), new EaseR(test.train(), 200),
                bestParams[0], bestParams[1], testCut), test);
        System.out.printf("test: HR %.3f P %.3f NDCG %.3f MAP %.3f coverage %.3f%n", m.hr(), m.precision(), m.ndcg(), m.map(), m.coverage());
    }
}
