package io.storefront.sentiment.rest;

import io.storefront.sentiment.domain.TextSentiment;
import java.util.List;

/**
 * The sentiment of one text as the API shows it: {@code language} is {@code en}, or {@code unknown}
 * with label {@code unknown} when the text does not look like English.
 */
public record ScoreResponse(double polarity, double subjectivity, String label, double confidence, String language,
                            String model, List<SentenceJson> sentences, List<AspectJson> aspects) {

    public record SentenceJson(int start, int end, String text, double polarity, double subjectivity) {
    }

    public record AspectJson(String aspect, double polarity, int mentions, List<String> opinions) {
    }

    /** A batch: one result per text, in the order given. */
    public record Batch(String model, List<ScoreResponse> results) {
    }

    static ScoreResponse of(TextSentiment s, String model) {
        return new ScoreResponse(s.polarity(), s.subjectivity(), s.label().json(), s.confidence(),
                s.english() ? "en" : "unknown", model,
                s.sentences().stream().map(x -> new SentenceJson(x.start(), x.end(), x.text(), x.polarity(),
                        x.subjectivity())).toList(),
                s.aspects().stream().map(a -> new AspectJson(a.aspect(), a.polarity(), a.mentions(), a.opinions())).toList());
    }
}
