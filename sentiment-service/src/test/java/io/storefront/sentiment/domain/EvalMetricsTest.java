package io.storefront.sentiment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storefront.sentiment.domain.eval.BinaryMetrics;
import io.storefront.sentiment.domain.eval.RocAuc;
import org.junit.jupiter.api.Test;

class EvalMetricsTest {

    @Test
    void accuracyAndMacroF1CountAbstentionsAsWrong() {
        BinaryMetrics m = new BinaryMetrics();
        m.add(true, true);     // TP
        m.add(true, true);     // TP
        m.add(false, false);   // TN
        m.add(false, true);    // FP
        m.addAbstention(true); // FN
        assertEquals(5, m.count());
        assertEquals(1, m.abstained());
        assertEquals(0.6, m.accuracy(), 1e-9);
        // positive F1 = 2*2 / (4+1+1) = 2/3; negative F1 = 2*1 / (2+1+1) = 1/2
        assertEquals((2.0 / 3 + 0.5) / 2, m.macroF1(), 1e-9);
    }

    @Test
    void rocAucRanksAndSharesTies() {
        assertEquals(0.75, RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}), 1e-9);
        assertEquals(0.5, RocAuc.of(new double[] {0.5, 0.5}, new boolean[] {true, false}), 1e-9);
        assertEquals(1.0, RocAuc.of(new double[] {1, 2, 3}, new boolean[] {false, true, true}), 1e-9);
    }
}
