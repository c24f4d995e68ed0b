package io.storefront.sentiment.domain.model;

import io.storefront.sentiment.domain.Round;
import io.storefront.sentiment.domain.Label;
import io.storefront.sentiment.domain.SentimentScorer.Analysis;
import io.storefront.sentiment.domain.TextSentiment;
import io.storefront.sentiment.domain.TextSentiment.SentenceScore;
import io.storefront.sentiment.domain.nlp.Sentence;
import io.storefront.sentiment.domain.nlp.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A model trained on the store's ratings, as scoring uses it: the linear model's margin over the
 * text's n-grams and the lexicon's scores, turned into a probability by the logistic curve fitted on
 * its cross-validation margins (Platt scaling). Polarity is {@code 2p - 1}; a text is neutral while
 * {@code p} is within {@link #NEUTRAL_BAND} of one half. Subjectivity and aspects stay the lexicon's.
 */
public record DomainModel(int version, LinearModel model, double plattSlope, double plattIntercept) {

    public static final double NEUTRAL_BAND = 0.1;

    public String name() {
        return "nbsvm-" + version;
    }

    public double probability(List<String> tokens, double lexiconPolarity, double lexiconSubjectivity) {
        double margin = model.margin(tokens, lexiconPolarity, lexiconSubjectivity);
        return 1 / (1 + Math.exp(-(plattSlope * margin + plattIntercept)));
    }

    /** The lexicon's analysis with polarity, label and confidence from this model, for the text and each sentence. */
    public TextSentiment rescore(Analysis analysis) {
        TextSentiment lexicon = analysis.sentiment();
        if (!lexicon.english()) return lexicon;
        List<String> all = new ArrayList<>();
        List<SentenceScore> sentences = new ArrayList<>(lexicon.sentences().size());
        for (int i = 0; i < analysis.sentences().size(); i++) {
            List<String> tokens = tokens(analysis.sentences().get(i));
            all.addAll(tokens);
            SentenceScore s = lexicon.sentences().get(i);
            double p = probability(tokens, s.polarity(), s.subjectivity());
            sentences.add(new SentenceScore(s.start(), s.end(), s.text(), Round.four(2 * p - 1), s.subjectivity()));
        }
        if (all.isEmpty()) return lexicon;
        double p = probability(all, lexicon.polarity(), lexicon.subjectivity());
        Label label = p >= 0.5 + NEUTRAL_BAND ? Label.POSITIVE : p <= 0.5 - NEUTRAL_BAND ? Label.NEGATIVE : Label.NEUTRAL;
        double confidence = switch (label) {
            case POSITIVE -> p;
            case NEGATIVE -> 1 - p;
            default -> 1 - Math.abs(2 * p - 1);
        };
        return new TextSentiment(Round.four(2 * p - 1), lexicon.subjectivity(), label, Round.four(confidence), true,
                List.copyOf(sentences), lexicon.aspects());
    }

    /** The tokens a model sees: lower-cased, as in training. */
    public static List<String> tokens(Sentence sentence) {
        List<String> tokens = new ArrayList<>(sentence.tokens().size());
        for (Token t : sentence.tokens()) tokens.add(t.lower());
        return tokens;
    }
}
