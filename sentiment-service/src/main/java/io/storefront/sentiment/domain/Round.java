package io.storefront.sentiment.domain;

/** Scores leave the service with four decimals: more is noise, and stored reals keep about seven digits. */
public final class Round {

    private Round() {
    }

    public static double four(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    public static Double four(Double x) {
        return x == null ? null : four(x.doubleValue());
    }
}
