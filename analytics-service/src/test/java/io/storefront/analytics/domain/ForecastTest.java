package io.storefront.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecastTest {

    /** 100 + 2t plus a yearly pattern, and noise of the given size. */
    private static double[] seasonal(int months, double noise) {
        Random random = new Random(7);
        double[] y = new double[months];
        for (int t = 0; t < months; t++) {
            y[t] = 100 + 2 * t + 20 * Math.sin(2 * Math.PI * t / 12) + noise * random.nextGaussian();
        }
        return y;
    }

    @Test
    void holtWintersFollowsTrendAndSeason() {
        Forecast.Result r = Forecast.of(seasonal(36, 0), 3, 12).orElseThrow();
        assertEquals("holt-winters-additive", r.method());
        for (int h = 1; h <= 3; h++) {
            int t = 35 + h;
            double truth = 100 + 2 * t + 20 * Math.sin(2 * Math.PI * t / 12);
            assertEquals(truth, r.points().get(h - 1).value(), 3.0, "month +" + h);
        }
    }

    @Test
    void theIntervalHoldsTheForecastAndWidensWithTheHorizon() {
        Forecast.Result r = Forecast.of(seasonal(48, 5), 3, 12).orElseThrow();
        List<Forecast.Point> p = r.points();
        for (Forecast.Point point : p) {
            assertTrue(point.lower() < point.value() && point.value() < point.upper());
        }
        double first = p.get(0).upper() - p.get(0).lower(), last = p.get(2).upper() - p.get(2).lower();
        assertTrue(last > first, "a farther month is less certain: " + first + " vs " + last);
        // with noise of sd 5, the 95 % half-width is about 10 one step ahead: not 0, not 100
        assertTrue(first / 2 > 5 && first / 2 < 30, "half width " + first / 2);
    }

    @Test
    void shortSeriesUseHoltAndTinyOnesGetNoForecast() {
        Forecast.Result r = Forecast.of(new double[] {10, 12, 14, 16, 18, 20}, 3, 12).orElseThrow();
        assertEquals("holt-linear", r.method());
        assertEquals(22, r.points().get(0).value(), 0.5);
        assertEquals(26, r.points().get(2).value(), 1.0);
        assertEquals(Optional.empty(), Forecast.of(new double[] {1, 2, 3}, 3, 12));
    }

    @Test
    void aFlatSeriesForecastsItsLevel() {
        double[] flat = new double[30];
        java.util.Arrays.fill(flat, 50);
        Forecast.Result r = Forecast.of(flat, 3, 12).orElseThrow();
        r.points().forEach(p -> assertEquals(50, p.value(), 1e-6));
    }
}
