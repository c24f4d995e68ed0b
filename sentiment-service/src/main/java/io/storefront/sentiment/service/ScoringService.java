package io.storefront.sentiment.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import io.storefront.sentiment.config.SentimentConfig;
import io.storefront.sentiment.domain.SentimentScorer;
import io.storefront.sentiment.domain.TextCheck;
import io.storefront.sentiment.domain.TextSentiment;
import io.storefront.sentiment.domain.model.DomainModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores texts on worker threads (the taggers are CPU work and must not run on the event loop).
 * The models load at start-up so that the first request does not wait for them.
 */
@Startup
@ApplicationScoped
public class ScoringService {

    private final SentimentScorer scorer = SentimentScorer.load();
    private final SentimentConfig config;
    private final ActiveModel active;
    private final Counter english;
    private final Counter notEnglish;
    private final Counter characters;

    public ScoringService(SentimentConfig config, ActiveModel active, MeterRegistry registry) {
        this.config = config;
        this.active = active;
        this.english = textsCounter(registry, "english");
        this.notEnglish = textsCounter(registry, "unknown");
        this.characters = Counter.builder("storefront.sentiment.characters")
                .description("Characters of the texts scored: what scoring costs grows with them").register(registry);
    }

    private static Counter textsCounter(MeterRegistry registry, String language) {
        return Counter.builder("storefront.sentiment.texts").description("Texts scored (requests and stored reviews)")
                .tag("language", language).register(registry);
    }

    /** Texts scored by one model, named as it is recorded with stored reviews. */
    public record Scores(String model, List<TextSentiment> results) {
    }

    /** Scores texts in order after checking all of them; one bad text refuses the whole request. */
    public Uni<Scores> score(List<String> texts, String field) {
        check(texts, field);
        return Uni.createFrom().item(() -> scoreNow(texts)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * For callers already on a worker thread. The active trained model, if any, gives polarity, label
     * and confidence; the lexicon gives subjectivity and aspects.
     */
    public Scores scoreNow(List<String> texts) {
        return score(texts, true);
    }

    /** Scores as {@link #scoreNow} does, without counting the texts: they warm the models up, nobody asked. */
    public void warmUp(List<String> texts) {
        score(texts, false);
    }

    private Scores score(List<String> texts, boolean counted) {
        DomainModel model = active.get();
        List<TextSentiment> results = new ArrayList<>(texts.size());
        long length = 0;
        int inEnglish = 0;
        for (String text : texts) {
            SentimentScorer.Analysis analysis = scorer.analyze(text);
            TextSentiment scored = model == null ? analysis.sentiment() : model.rescore(analysis);
            results.add(scored);
            length += text.length();
            if (scored.english()) inEnglish++;
        }
        if (counted) {
            english.increment(inEnglish);
            notEnglish.increment(texts.size() - inEnglish);
            characters.increment(length);
        }
        return new Scores(name(model), results);
    }

    /** The name stored reviews record for the model that scores now. */
    public String activeModelName() {
        return name(active.get());
    }

    private static String name(DomainModel model) {
        return model == null ? SentimentScorer.VERSION : model.name();
    }

    /** The lexicon's analysis, for training (a trained model learns on top of the lexicon's scores). */
    public SentimentScorer.Analysis analyzeWithLexicon(String text) {
        return scorer.analyze(text);
    }

    public io.storefront.sentiment.domain.Calibration lexiconCalibration() {
        return scorer.calibration();
    }

    /** 413 when the texts of one request hold more characters together than the service scores at once. */
    public void checkTotal(long characters, String field) {
        if (characters > config.maxBatchCharacters()) {
            throw new ProblemException(413, ProblemType.PAYLOAD_TOO_LARGE, "The " + field + " hold " + characters
                    + " characters together, at most " + config.maxBatchCharacters() + " in one request: send smaller batches",
                    List.of(Problem.Violation.of(field, characters + " characters, at most " + config.maxBatchCharacters())),
                    Map.of());
        }
    }

    /** 413 for a text over the limit, 422 for binary data, with the index of each offending text. */
    public void check(List<String> texts, String field) {
        List<Problem.Violation> tooLong = new ArrayList<>();
        List<Problem.Violation> notText = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String name = texts.size() == 1 && field.equals("text") ? field : field + "[" + i + "]";
            if (text.length() > config.maxTextLength()) {
                tooLong.add(Problem.Violation.of(name, text.length() + " characters, at most " + config.maxTextLength()));
                continue;
            }
            String problem = TextCheck.problem(text);
            if (problem != null) notText.add(Problem.Violation.of(name, problem));
        }
        if (!tooLong.isEmpty()) {
            throw new ProblemException(413, ProblemType.PAYLOAD_TOO_LARGE, "A text is longer than "
                    + config.maxTextLength() + " characters; split it or score its sentences", tooLong, Map.of());
        }
        checkTotal(texts.stream().mapToLong(String::length).sum(), field);
        if (!notText.isEmpty()) {
            throw new ProblemException(422, ProblemType.NOT_TEXT, "Only text can be scored: " + notText.getFirst().message(),
                    notText, Map.of());
        }
    }
}
