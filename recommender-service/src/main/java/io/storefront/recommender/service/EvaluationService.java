package io.storefront.recommender.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.commons.jobs.Heartbeat;
import io.storefront.commons.metrics.JobMetrics;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import io.storefront.recommender.config.RecommenderConfig;
import io.storefront.recommender.domain.eval.OfflineEvaluation;
import io.storefront.recommender.domain.model.Recommender;
import io.storefront.recommender.repository.JobRepository;
import io.storefront.recommender.repository.JobRepository.Job;
import io.storefront.recommender.repository.SnapshotRepository;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The offline protocol on the store's own purchases, as a job: split at a day, train the baselines and
 * the hybrid (with the configured settings) on what came before, measure on what came after.
 */
@ApplicationScoped
public class EvaluationService {

    private static final Logger LOG = Logger.getLogger(EvaluationService.class);

    private final SnapshotRepository snapshots;
    private final JobRepository jobs;
    private final ModelService models;
    private final Vertx vertx;
    private final JobMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean();

    public EvaluationService(SnapshotRepository snapshots, JobRepository jobs, ModelService models,
                             Vertx vertx, JobMetrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.models = models;
    }

    /** Starts an evaluation; 409 while one runs on this instance (it holds every purchase in memory). */
    public Uni<Job> start(LocalDate cut, LocalDate end) {
        if (!running.compareAndSet(false, true)) {
            throw new ProblemException(409, ProblemType.CONFLICT, "An evaluation is running; wait for it to end");
        }
        return jobs.create(JobRepository.EVALUATION, "queued")
                .invoke(job -> run(job.id(), cut, end))
                .onFailure().invoke(() -> running.set(false));
    }

    private void run(long id, LocalDate cut, LocalDate end) {
        long started = System.nanoTime();
        Runnable stopHeartbeat = Heartbeat.every(vertx, JobRepository.HEARTBEAT_EVERY, () -> jobs.heartbeat(id));
        jobs.progress(id, "reading purchases", 5, 0, 0, 0)
                // the catalogue alone: the evaluation trains its own models from the purchases
                .chain(() -> Uni.combine().all().unis(snapshots.purchaseEvents(), snapshots.products()).asTuple())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(() -> jobs.progress(id, "training and measuring", 30, 0, 0, 0).subscribe().with(x -> { }, e -> { }))
                .map(read -> {
                    Map<String, Recommender.Item> catalogue = new HashMap<>();
                    for (var p : read.getItem2()) catalogue.put(p.productId(), ModelService.item(p));
                    OfflineEvaluation.Result evaluation = OfflineEvaluation.run(read.getItem1(), cut.atStartOfDay(),
                            end == null ? null : end.atStartOfDay(), new OfflineEvaluation.Setup(catalogue, models.settings(),
                                    models.newItemsSettings(), models.learningOptions()));
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("cut", cut.toString());
                    result.put("end", end == null ? null : end.toString());
                    result.put("purchases", read.getItem1().size());
                    result.put("k", 10);
                    result.put("rows", evaluation.rows());
                    result.put("newItemsLearning", evaluation.learning());
                    return Map.entry(read.getItem1().size(), result);
                })
                .chain(done -> jobs.succeed(id, done.getKey(), done.getKey(), List.of(), done.getValue())
                        .invoke(() -> metrics.finished(JobRepository.EVALUATION, JobMetrics.Outcome.SUCCEEDED, started)))
                .onFailure().recoverWithUni(e -> {
                    String why = e instanceof IllegalArgumentException ? e.getMessage()
                            : "the evaluation failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                    if (!(e instanceof IllegalArgumentException)) LOG.errorf(e, "Evaluation %d failed", id);
                    return jobs.fail(id, why, List.of())
                            .invoke(() -> metrics.finished(JobRepository.EVALUATION, JobMetrics.Outcome.FAILED, started));
                })
                .eventually(() -> {
                    stopHeartbeat.run();
                    running.set(false);
                })
                .subscribe().with(x -> { }, e -> LOG.errorf(e, "Evaluation %d could not record its end", id));
    }
}
