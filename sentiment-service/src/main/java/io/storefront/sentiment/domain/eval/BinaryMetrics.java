package io.storefront.sentiment.domain.eval;

/**
 * Accuracy and macro-F1 of yes/no predictions, counted as they come. A prediction may also be
 * "neither" (a neutral label): it is counted as wrong for both classes, and how many there were
 * is reported, so a scorer cannot gain by abstaining.
 */
public final class BinaryMetrics {

    private long truePositive;
    private long falsePositive;
    private long trueNegative;
    private long falseNegative;
    private long abstained;

    public void add(boolean actualPositive, boolean predictedPositive) {
        if (actualPositive) {
            if (predictedPositive) truePositive++; else falseNegative++;
        } else {
            if (predictedPositive) falsePositive++; else trueNegative++;
        }
    }

    /** A "neutral" answer: wrong whatever the truth, and counted. */
    public void addAbstention(boolean actualPositive) {
        abstained++;
        if (actualPositive) falseNegative++; else falsePositive++;
    }

    public long count() {
        return truePositive + falsePositive + trueNegative + falseNegative;
    }

    public long abstained() {
        return abstained;
    }

    public double accuracy() {
        return count() == 0 ? 0 : (double) (truePositive + trueNegative) / count();
    }

    /** The mean of the F1 of the positive class and the F1 of the negative class. */
    public double macroF1() {
        return (f1(truePositive, falsePositive, falseNegative) + f1(trueNegative, falseNegative, falsePositive)) / 2;
    }

    private static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
