package io.storefront.recommender.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.WithTestResource;
import io.storefront.commons.jobs.Heartbeat;
import io.quarkus.test.junit.QuarkusTest;
import io.storefront.recommender.rest.FeedStubs;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job whose step runs longer than the silence limit is not taken for one whose instance stopped. */
@QuarkusTest
@WithTestResource(FeedStubs.class)
class JobHeartbeatTest {

    @Inject
    JobRepository jobs;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    /** As if the job had written nothing for five minutes. */
    private void silenceFiveMinutes(long id) {
        pool.preparedQuery("UPDATE recommender.jobs SET updated_at = now() - interval '5 minutes' WHERE id = $1")
                .execute(Tuple.of(id)).await().indefinitely();
    }

    private String status(long id) {
        return jobs.find(id).await().indefinitely().status();
    }

    @Test
    void aRunningJobWithAHeartbeatIsNotMarkedFailedAndOneWithoutIs() throws InterruptedException {
        long id = jobs.create(JobRepository.EVALUATION, "queued").await().indefinitely().id();
        jobs.progress(id, "training and measuring", 30, 0, 0, 0).await().indefinitely();

        Runnable stop = Heartbeat.every(vertx, Duration.ofMillis(50), () -> jobs.heartbeat(id));
        silenceFiveMinutes(id);
        Thread.sleep(400);
        jobs.failSilent().await().indefinitely();
        assertEquals("running", status(id), "the heartbeat kept it alive");

        stop.run();
        Thread.sleep(200);
        silenceFiveMinutes(id);
        jobs.failSilent().await().indefinitely();
        assertEquals("failed", status(id), "silent for longer than the limit once the heartbeat stopped");
    }

    @Test
    void aJobTakenForStoppedThatThenFinishesReportsItsEnd() {
        long id = jobs.create(JobRepository.CATALOG_IMPORT, "queued").await().indefinitely().id();
        jobs.progress(id, "importing", 50, 10, 10, 0).await().indefinitely();
        silenceFiveMinutes(id);
        jobs.failSilent().await().indefinitely();
        assertEquals("failed", status(id));

        jobs.progress(id, "importing", 80, 20, 20, 0).await().indefinitely();
        assertEquals("failed", status(id), "progress does not revive a failed job");
        jobs.succeed(id, 30, 30, List.of(), null).await().indefinitely();
        JobRepository.Job job = jobs.find(id).await().indefinitely();
        assertEquals("succeeded", job.status());
        assertEquals(30, job.rowsStored());
        assertNull(job.failure(), "the failure written while it was taken for stopped is gone");
    }
}
