package io.storefront.sentiment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sentiment")
public interface SentimentConfig {

    /** Longest text scored, in characters; longer ones are refused with 413 (a review is rarely over 5,000). */
    @WithDefault("50000")
    int maxTextLength();

    /** Texts in one scoring request at most. */
    @WithDefault("1000")
    int maxBatch();

    /** Reviews in one JSON batch at most; bigger imports go in several batches. */
    @WithDefault("5000")
    int maxReviewBatch();
}
