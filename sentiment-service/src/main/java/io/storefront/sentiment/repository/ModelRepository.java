package io.storefront.sentiment.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.sentiment.domain.model.ModelTrainer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Trained model versions: the job's progress, the metrics, the weights, and which one is active. */
@ApplicationScoped
public class ModelRepository {

    /** A model version without its weights. */
    public record ModelRow(int version, String kind, String status, String phase, double percent, boolean active,
                           OffsetDateTime createdAt, OffsetDateTime finishedAt, OffsetDateTime activatedAt,
                           Integer examples, Integer positives, JsonObject metrics, String detail) {
    }

    /** The active model's weights and its confidence curve. */
    public record Weights(int version, byte[] weights, double plattSlope, double plattIntercept) {
    }

    /** A rated review for training. */
    public record Rated(String title, String text, int rating) {
    }

    private static final String COLUMNS = "version, kind, status, phase, percent, active, created_at, finished_at, "
            + "activated_at, examples, positives, metrics, detail";

    private final Pool pool;

    public ModelRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<ModelRow> create() {
        return pool.preparedQuery("INSERT INTO sentiment.models (status, phase) VALUES ('queued', 'queued') RETURNING "
                + COLUMNS).execute().map(rows -> row(rows.iterator().next()));
    }

    public Uni<Void> progress(int version, String phase, double percent) {
        return pool.preparedQuery("""
                        UPDATE sentiment.models SET status = 'training', phase = $2, percent = $3, updated_at = now()
                         WHERE version = $1 AND status IN ('queued', 'training')""")
                .execute(Tuple.of(version, phase, percent)).replaceWithVoid();
    }

    /** Stores the trained model; when {@code activate}, it becomes the one active model in the same transaction. */
    public Uni<ModelRow> finish(int version, ModelTrainer.Result result, boolean activate) {
        JsonObject metrics = new JsonObject()
                .put("folds", result.folds())
                .put("trained", new JsonObject().put("accuracy", result.trained().accuracy())
                        .put("macroF1", result.trained().macroF1()))
                .put("lexicon", new JsonObject().put("accuracy", result.lexicon().accuracy())
                        .put("macroF1", result.lexicon().macroF1()))
                .put("better", result.better())
                .put("features", result.model().weights().size())
                .put("plattSlope", result.plattSlope())
                .put("plattIntercept", result.plattIntercept());
        String detail = result.better()
                ? (activate ? "better than the lexicon on the same folds: activated" : "better than the lexicon")
                : "not better than the lexicon on the same folds: not activated (it can still be activated by hand)";
        return pool.withTransaction(tx -> (activate
                        ? tx.preparedQuery("UPDATE sentiment.models SET active = false WHERE active").execute().replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .chain(() -> tx.preparedQuery("""
                                UPDATE sentiment.models SET status = 'trained', phase = 'done', percent = 100,
                                       finished_at = now(), updated_at = now(), examples = $2, positives = $3,
                                       metrics = $4, detail = $5, weights = $6, active = $7,
                                       activated_at = CASE WHEN $7 THEN now() END
                                 WHERE version = $1 RETURNING\s""" + COLUMNS)
                        .execute(Tuple.from(new Object[] {version, result.examples(), result.positives(), metrics, detail,
                                io.vertx.core.buffer.Buffer.buffer(result.model().toBytes()), activate}))))
                .map(rows -> row(rows.iterator().next()));
    }

    public Uni<Void> fail(int version, String detail) {
        // an error message can quote anything (even bytes); keep it printable and short
        String printable = detail.replaceAll("[\\p{Cntrl}\\uFFFD]", "?");
        String shortened = printable.length() > 500 ? printable.substring(0, 500) + "…" : printable;
        return pool.preparedQuery("""
                        UPDATE sentiment.models SET status = 'failed', phase = 'failed', detail = $2, finished_at = now(),
                               updated_at = now() WHERE version = $1""")
                .execute(Tuple.of(version, shortened)).replaceWithVoid();
    }

    /**
     * Jobs a restart cut off never finish: when an instance starts, jobs that have not reported for
     * ten minutes are marked failed. A job another replica is running reports at every phase, so it
     * stays untouched.
     */
    public Uni<Integer> failInterrupted() {
        return pool.preparedQuery("""
                        UPDATE sentiment.models SET status = 'failed', phase = 'failed', finished_at = now(),
                               detail = 'interrupted (no progress for 10 minutes, e.g. a restart); train again'
                         WHERE status IN ('queued', 'training') AND updated_at < now() - interval '10 minutes'""")
                .execute().map(rows -> rows.rowCount());
    }

    public Uni<List<ModelRow>> list() {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM sentiment.models ORDER BY version DESC").execute()
                .map(rows -> {
                    List<ModelRow> models = new ArrayList<>();
                    for (Row r : rows) models.add(row(r));
                    return models;
                });
    }

    public Uni<ModelRow> find(int version) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM sentiment.models WHERE version = $1")
                .execute(Tuple.of(version)).map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** Makes a trained version the active one; null when there is no such trained version. */
    public Uni<ModelRow> activate(int version) {
        return pool.withTransaction(tx -> tx.preparedQuery(
                        "SELECT 1 FROM sentiment.models WHERE version = $1 AND status = 'trained' FOR UPDATE")
                .execute(Tuple.of(version))
                .chain(found -> found.size() == 0 ? Uni.createFrom().nullItem() : tx.preparedQuery(
                                "UPDATE sentiment.models SET active = false WHERE active AND version <> $1")
                        .execute(Tuple.of(version))
                        .chain(() -> tx.preparedQuery("UPDATE sentiment.models SET active = true, activated_at = now() "
                                + "WHERE version = $1 RETURNING " + COLUMNS).execute(Tuple.of(version)))
                        .map(rows -> row(rows.iterator().next()))));
    }

    /** Back to the lexicon: no model active. */
    public Uni<Void> deactivate() {
        return pool.preparedQuery("UPDATE sentiment.models SET active = false WHERE active").execute().replaceWithVoid();
    }

    public Uni<Weights> activeWeights() {
        return pool.preparedQuery("SELECT version, weights, metrics FROM sentiment.models WHERE active").execute()
                .map(rows -> {
                    if (rows.size() == 0) return null;
                    Row r = rows.iterator().next();
                    JsonObject metrics = r.getJsonObject("metrics");
                    return new Weights(r.getInteger("version"), r.getBuffer("weights").getBytes(),
                            metrics.getDouble("plattSlope"), metrics.getDouble("plattIntercept"));
                });
    }

    /** The latest reviews with clear stars (not 3) in English, at most {@code limit}: the free labels training learns from. */
    public Uni<List<Rated>> ratedReviews(int limit) {
        return pool.preparedQuery("""
                        SELECT title, text, rating FROM sentiment.reviews
                         WHERE rating IS NOT NULL AND rating <> 3 AND english
                         ORDER BY created_at DESC, review_id LIMIT $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Rated> rated = new ArrayList<>(rows.size());
                    for (Row r : rows) rated.add(new Rated(r.getString("title"), r.getString("text"), r.getShort("rating")));
                    return rated;
                });
    }

    private static ModelRow row(Row r) {
        return new ModelRow(r.getInteger("version"), r.getString("kind"), r.getString("status"), r.getString("phase"),
                r.getFloat("percent"), r.getBoolean("active"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("finished_at"), r.getOffsetDateTime("activated_at"), r.getInteger("examples"),
                r.getInteger("positives"), r.getJsonObject("metrics"), r.getString("detail"));
    }
}
