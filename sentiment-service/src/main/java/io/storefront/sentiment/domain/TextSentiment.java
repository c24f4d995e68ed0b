package io.storefront.sentiment.domain;

import java.util.List;

/**
 * The sentiment of one text: polarity in [-1, 1], subjectivity in [0, 1], label and confidence,
 * per-sentence scores, and the aspects (noun phrases) opinions attach to.
 */
public record TextSentiment(double polarity, double subjectivity, Label label, double confidence, boolean english,
                            List<SentenceScore> sentences, List<AspectScore> aspects) {

    /** One sentence: its offsets in the text, polarity and subjectivity. */
    public record SentenceScore(int start, int end, String text, double polarity, double subjectivity) {
    }

    /** An aspect ("battery", "delivery time"), its polarity, how often it was judged and by which words. */
    public record AspectScore(String aspect, double polarity, int mentions, List<String> opinions) {
    }
}
