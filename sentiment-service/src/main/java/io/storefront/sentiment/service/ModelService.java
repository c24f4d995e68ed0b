package io.storefront.sentiment.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.commons.metrics.JobMetrics;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import io.storefront.sentiment.config.SentimentConfig;
import io.storefront.sentiment.domain.Review;
import io.storefront.sentiment.domain.SentimentScorer;
import io.storefront.sentiment.domain.model.DomainModel;
import io.storefront.sentiment.domain.model.LinearModel;
import io.storefront.sentiment.domain.model.ModelTrainer;
import io.storefront.sentiment.domain.nlp.Sentence;
import io.storefront.sentiment.repository.ModelRepository;
import io.storefront.sentiment.repository.ModelRepository.ModelRow;
import io.storefront.sentiment.repository.ModelRepository.Rated;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Training jobs, activation and rollback of domain models. One job runs at a time; its row in
 * {@code models} carries its progress. Every instance reloads the active model every
 * {@code sentiment.training.refresh} so that an activation on one replica reaches all of them.
 */
@ApplicationScoped
public class ModelService {

    private static final Logger LOG = Logger.getLogger(ModelService.class);
    /** The job kind in metrics. */
    static final String KIND = "model-training";

    private final ModelRepository models;
    private final ScoringService scoring;
    private final ActiveModel active;
    private final SentimentConfig config;
    private final Vertx vertx;
    private final JobMetrics metrics;
    private final AtomicBoolean training = new AtomicBoolean();

    public ModelService(ModelRepository models, ScoringService scoring, ActiveModel active, SentimentConfig config,
                        Vertx vertx, JobMetrics metrics) {
        this.metrics = metrics;
        metrics.declare(KIND);
        this.models = models;
        this.scoring = scoring;
        this.active = active;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        reload().await().indefinitely();
        // every replica re-reads the active model, and fails jobs whose replica went silent (a crash or restart)
        vertx.setPeriodic(config.training().refresh().toMillis(), id -> models.failInterrupted()
                .invoke(n -> metrics.abandoned(KIND, n))
                .chain(this::reload)
                .subscribe().with(x -> { }, e -> LOG.warnf("Could not reload the active model: %s", e.getMessage())));
    }

    /** Starts a training job on the stored rated reviews; 409 while another one runs. */
    public Uni<ModelRow> train() {
        if (!training.compareAndSet(false, true)) {
            throw new ProblemException(409, ProblemType.CONFLICT, "A model is being trained; wait for it to finish");
        }
        return models.create()
                .invoke(job -> run(job.version()))
                .onFailure().invoke(() -> training.set(false));
    }

    private void run(int version) {
        long started = System.nanoTime();
        models.ratedReviews(config.training().maxReviews())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rated -> fit(version, rated))
                .chain(result -> {
                    boolean activate = result.better() && config.training().activateWhenBetter();
                    return models.finish(version, result, activate)
                            .invoke(() -> metrics.finished(KIND, JobMetrics.Outcome.SUCCEEDED, started))
                            .chain(row -> activate ? reload() : Uni.createFrom().voidItem());
                })
                .onFailure().recoverWithUni(e -> {
                    String why = e instanceof TrainingRefused refused ? refused.getMessage()
                            : "training failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                    if (!(e instanceof TrainingRefused)) LOG.errorf(e, "Training model %d failed", version);
                    return models.fail(version, why)
                            .invoke(() -> metrics.finished(KIND, JobMetrics.Outcome.FAILED, started));
                })
                .eventually(() -> training.set(false))
                .subscribe().with(x -> LOG.infof("Training job %d ended", version),
                        e -> LOG.errorf(e, "Training job %d could not record its end", version));
    }

    /** CPU work on a worker thread: analyse every rated review with the lexicon, then cross-validate and fit. */
    private ModelTrainer.Result fit(int version, List<Rated> rated) {
        int perClass = config.training().minPerClass();
        long positives = rated.stream().filter(r -> r.rating() >= 4).count();
        long negatives = rated.size() - positives;
        if (positives < perClass || negatives < perClass) {
            throw new TrainingRefused("Not enough rated reviews to learn from: " + positives + " with 4–5 stars and "
                    + negatives + " with 1–2 stars; at least " + perClass + " of each are needed");
        }
        List<ModelTrainer.Example> examples = new ArrayList<>(rated.size());
        for (int i = 0; i < rated.size(); i++) {
            if (i % 500 == 0) report(version, "reading reviews (" + i + " of " + rated.size() + ")", 0.3 * i / rated.size());
            Rated r = rated.get(i);
            SentimentScorer.Analysis analysis = scoring.analyzeWithLexicon(Review.scoredText(r.title(), r.text()));
            List<String> tokens = new ArrayList<>();
            for (Sentence s : analysis.sentences()) tokens.addAll(DomainModel.tokens(s));
            examples.add(new ModelTrainer.Example(tokens, analysis.sentiment().polarity(),
                    analysis.sentiment().subjectivity(), r.rating() >= 4));
        }
        return ModelTrainer.train(examples, scoring.lexiconCalibration(), config.training().folds(), version,
                (phase, done) -> report(version, phase, 0.3 + 0.7 * done));
    }

    private void report(int version, String phase, double done) {
        models.progress(version, phase, Math.round(1000 * done) / 10.0).subscribe().with(
                x -> { }, e -> LOG.warnf("Could not record the progress of model %d: %s", version, e.getMessage()));
    }

    /** Makes a trained version the active one, everywhere within the refresh interval. */
    public Uni<ModelRow> activate(int version) {
        return models.activate(version).chain(row -> {
            if (row == null) {
                throw ProblemException.notFound("No trained model " + version + " (see GET /api/v1/models)");
            }
            return reload().replaceWith(row);
        });
    }

    /** Rolls back to the lexicon. */
    public Uni<Void> useLexicon() {
        return models.deactivate().chain(this::reload);
    }

    /** Reads the active model from the database into memory (a no-op when it is already loaded). */
    public Uni<Void> reload() {
        return models.activeWeights().emitOn(Infrastructure.getDefaultWorkerPool()).invoke(weights -> {
            DomainModel current = active.get();
            if (weights == null) {
                active.set(null);
            } else if (current == null || current.version() != weights.version()) {
                active.set(new DomainModel(weights.version(), LinearModel.fromBytes(weights.weights()),
                        weights.plattSlope(), weights.plattIntercept()));
            }
        }).replaceWithVoid();
    }

    /** Why a job ended without a model, said to the user as it is. */
    static final class TrainingRefused extends RuntimeException {
        TrainingRefused(String message) {
            super(message, null, false, false);
        }
    }
}
