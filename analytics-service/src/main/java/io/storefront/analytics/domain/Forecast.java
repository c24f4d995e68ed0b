package io.storefront.analytics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Forecasts a monthly series with exponential smoothing: additive Holt-Winters when at least two
 * seasons are known, Holt's linear trend with at least four points, nothing with fewer.
 *
 * <p>Smoothing parameters are chosen by grid search on the one-step-ahead squared error. The 95 %
 * prediction interval uses the h-step variance of the equivalent state-space model
 * (Hyndman & Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., table 9.8 / ETS(A,A,A)):
 * σ² (1 + Σ_{j=1}^{h-1} (α + αβ* j + γ [j mod m = 0])²).
 */
public final class Forecast {

    public record Point(double value, double lower, double upper) {
    }

    public record Result(String method, double alpha, double beta, double gamma, double residualSd, List<Point> points) {
    }

    private static final double Z95 = 1.959964;
    private static final double[] GRID = grid();

    private Forecast() {
    }

    /** {@code horizon} points after the last of {@code history}; {@code season} is the period length (12 for months). */
    public static Optional<Result> of(double[] history, int horizon, int season) {
        int n = history.length;
        if (horizon < 1) throw new IllegalArgumentException("horizon must be at least 1");
        if (n >= 2 * season && season > 1) {
            return Optional.of(holtWinters(history, horizon, season));
        }
        if (n >= 4) {
            return Optional.of(holt(history, horizon));
        }
        return Optional.empty();
    }

    private static Result holtWinters(double[] y, int horizon, int m) {
        double best = Double.POSITIVE_INFINITY, bestA = 0, bestB = 0, bestG = 0;
        for (double a : GRID) {
            for (double b : GRID) {
                for (double g : GRID) {
                    double sse = runHoltWinters(y, m, a, b, g, null);
                    if (sse < best) {
                        best = sse;
                        bestA = a;
                        bestB = b;
                        bestG = g;
                    }
                }
            }
        }
        double[] state = new double[2 + m];
        runHoltWinters(y, m, bestA, bestB, bestG, state);
        int fitted = y.length - m;
        double sd = Math.sqrt(best / Math.max(1, fitted - 3));
        List<Point> points = new ArrayList<>(horizon);
        double level = state[0], trend = state[1];
        double variance = 0;
        for (int h = 1; h <= horizon; h++) {
            if (h > 1) {
                int j = h - 1;
                double c = bestA + bestA * bestB * j + (j % m == 0 ? bestG : 0);
                variance += c * c;
            }
            // seasonal state holds s_{n-m+1} .. s_n in order; h steps ahead uses s_{n+h-m}
            double seasonal = state[2 + ((h - 1) % m)];
            double value = level + h * trend + seasonal;
            double half = Z95 * sd * Math.sqrt(1 + variance);
            points.add(new Point(value, value - half, value + half));
        }
        return new Result("holt-winters-additive", bestA, bestB, bestG, sd, points);
    }

    /**
     * Runs the recursions and returns the sum of squared one-step errors; when {@code state} is given,
     * leaves level, trend and the last m seasonal terms (oldest first) in it.
     */
    private static double runHoltWinters(double[] y, int m, double a, double b, double g, double[] state) {
        // start from the first season: its mean sits mid-season, so the level at its end and the
        // seasonal terms are corrected for the trend measured between the first two seasons
        double first = 0;
        for (int i = 0; i < m; i++) first += y[i];
        first /= m;
        double second = 0;
        for (int i = m; i < 2 * m; i++) second += y[i];
        double trend = (second / m - first) / m;
        double middle = (m - 1) / 2.0;
        double level = first + middle * trend;
        double[] seasonal = new double[m];
        for (int i = 0; i < m; i++) seasonal[i] = y[i] - (first + (i - middle) * trend);
        double sse = 0;
        for (int t = m; t < y.length; t++) {
            int s = t % m;
            double predicted = level + trend + seasonal[s];
            double error = y[t] - predicted;
            sse += error * error;
            double previousLevel = level;
            level = a * (y[t] - seasonal[s]) + (1 - a) * (level + trend);
            trend = b * (level - previousLevel) + (1 - b) * trend;
            seasonal[s] = g * (y[t] - previousLevel - trend) + (1 - g) * seasonal[s];
        }
        if (state != null) {
            state[0] = level;
            state[1] = trend;
            int n = y.length;
            for (int k = 0; k < m; k++) {
                state[2 + k] = seasonal[(n + k) % m];
            }
        }
        return sse;
    }

    private static Result holt(double[] y, int horizon) {
        double best = Double.POSITIVE_INFINITY, bestA = 0, bestB = 0;
        for (double a : GRID) {
            for (double b : GRID) {
                double sse = runHolt(y, a, b, null);
                if (sse < best) {
                    best = sse;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        double[] state = new double[2];
        runHolt(y, bestA, bestB, state);
        double sd = Math.sqrt(best / Math.max(1, y.length - 1 - 2));
        List<Point> points = new ArrayList<>(horizon);
        double variance = 0;
        for (int h = 1; h <= horizon; h++) {
            if (h > 1) {
                double c = bestA + bestA * bestB * (h - 1);
                variance += c * c;
            }
            double value = state[0] + h * state[1];
            double half = Z95 * sd * Math.sqrt(1 + variance);
            points.add(new Point(value, value - half, value + half));
        }
        return new Result("holt-linear", bestA, bestB, 0, sd, points);
    }

    private static double runHolt(double[] y, double a, double b, double[] state) {
        double level = y[0], trend = y[1] - y[0];
        double sse = 0;
        for (int t = 1; t < y.length; t++) {
            double error = y[t] - (level + trend);
            sse += error * error;
            double previousLevel = level;
            level = a * y[t] + (1 - a) * (level + trend);
            trend = b * (level - previousLevel) + (1 - b) * trend;
        }
        if (state != null) {
            state[0] = level;
            state[1] = trend;
        }
        return sse;
    }

    private static double[] grid() {
        double[] values = new double[19];
        for (int i = 0; i < values.length; i++) values[i] = 0.05 * (i + 1);
        return values;
    }
}
