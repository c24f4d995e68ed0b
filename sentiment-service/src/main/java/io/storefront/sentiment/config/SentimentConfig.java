package io.storefront.sentiment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "sentiment")
public interface SentimentConfig {

    /** Longest text scored, in characters; longer ones are refused with 413 (a review is rarely over 5,000). */
    @WithDefault("50000")
    int maxTextLength();

    /** Texts in one scoring request at most. */
    @WithDefault("1000")
    int maxBatch();

    /**
     * Characters in one scoring request or review batch at most, all texts together: scoring takes 1–2 µs a
     * character of review text once warm and about 13 µs of contrived text ("not not not ..."), so a 16 MB body
     * could hold a worker for minutes.
     */
    @WithDefault("4000000")
    int maxBatchCharacters();

    /** Reviews in one JSON batch at most; bigger imports go in several batches. */
    @WithDefault("5000")
    int maxReviewBatch();

    /**
     * Texts scored at start, before the service reports ready: the first requests after a start otherwise
     * wait for the JIT and the lemma cache (at 200 requests/s, p50 2.2 s in the first seconds on a 2-core
     * machine). 0 turns it off.
     */
    @WithDefault("3000")
    int warmUpTexts();

    Training training();

    /** Domain models trained on the store's rated reviews. */
    interface Training {
        /** Reviews of each side (4–5 and 1–2 stars) needed at least before training starts. */
        @WithDefault("50")
        int minPerClass();

        /** The most recent rated reviews a job learns from at most (it holds them in memory). */
        @WithDefault("100000")
        int maxReviews();

        /** Cross-validation folds; the model and the lexicon are compared on the same ones. */
        @WithDefault("5")
        int folds();

        /** Activate a new model when it beats the lexicon on accuracy and macro-F1. */
        @WithDefault("true")
        boolean activateWhenBetter();

        /** How often each instance re-reads which model is active (activations made on another replica). */
        @WithDefault("30s")
        Duration refresh();
    }
}
