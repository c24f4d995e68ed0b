package io.storefront.sentiment.domain;

/**
 * How a polarity becomes a label and a confidence. {@code threshold} splits positive from negative
 * when a yes/no answer is needed; polarities strictly inside {@code (neutralBelow, neutralAbove)} are
 * neutral; the confidence is a logistic fit {@code p(positive) = 1 / (1 + exp(-(slope * polarity + intercept)))}.
 *
 * <p>{@link #LEXICON} was fitted by {@code bench/sentiment.sh accuracy} on data that none of the
 * reported figures use: the threshold maximises accuracy on SST-2's training sentences (its curve is
 * flat from 0.05 to 0.2: texts without opinion words lean negative in reviews), the neutral band
 * maximises three-way accuracy on the New York Times editorial snippets of Hutto &amp; Gilbert (2014)
 * (neutral = rated within ±0.5 of ±4), and the logistic curve is a maximum-likelihood fit on SST-2 train.
 */
public record Calibration(double threshold, double neutralBelow, double neutralAbove, double slope, double intercept) {

    public static final Calibration LEXICON = new Calibration(0.212, -0.31, 0.31, 2.267, -0.128);

    public Label label(double polarity) {
        if (polarity > neutralBelow && polarity < neutralAbove) return Label.NEUTRAL;
        return polarity >= threshold ? Label.POSITIVE : Label.NEGATIVE;
    }

    public boolean positive(double polarity) {
        return polarity >= threshold;
    }

    /** Probability the text is positive. */
    public double probability(double polarity) {
        return 1 / (1 + Math.exp(-(slope * polarity + intercept)));
    }

    /** How sure the label is, in [0, 1]: the probability of the chosen side, or of neither for neutral. */
    public double confidence(double polarity, Label label) {
        double p = probability(polarity);
        return switch (label) {
            case POSITIVE -> p;
            case NEGATIVE -> 1 - p;
            case NEUTRAL -> 1 - Math.abs(2 * p - 1);
            case UNKNOWN -> 0;
        };
    }
}
