package io.storefront.recommender.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.storefront.recommender.repository.FeedRepository.ORDERS;
import static io.storefront.recommender.repository.FeedRepository.SENTIMENT;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How one sync run walks a feed's pages, without a database or a peer. */
class FeedSyncTest {

    private static final int PAGES = 40;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** A page as the feed clients deliver it: its rows are referenced from the Uni chain that applies them. */
    private static Uni<FeedSync.Applied> page(int number, List<WeakReference<byte[]>> rows) {
        byte[] payload = new byte[256 * 1024];
        rows.add(new WeakReference<>(payload));
        return Uni.createFrom().item(payload)
                .map(p -> new FeedSync.Applied(Integer.toString(number + 1), number + 1 < PAGES, p.length > 0 ? 100 : 0));
    }

    @Test
    void pagesAlreadyAppliedAreNotKeptWhileTheRunGoesOn() {
        FeedSync sync = new FeedSync(null, null, null, null, null, registry);
        List<WeakReference<byte[]>> rows = new ArrayList<>();
        int[] stillHeld = {-1};
        Map<String, Long> applied = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        sync.read(ORDERS, "0", after -> {
            int number = Integer.parseInt(after);
            if (number == PAGES - 1) {
                // the last page: every earlier one has been applied and should be garbage by now
                for (int i = 0; i < 5 && held(rows) > 0; i++) System.gc();
                stillHeld[0] = held(rows);
            }
            return page(number, rows);
        }, applied, errors).await().indefinitely();

        assertEquals(Map.of(), errors);
        assertEquals(100L * PAGES, applied.get(ORDERS), "every page was read");
        assertTrue(stillHeld[0] <= 1, stillHeld[0] + " of " + (PAGES - 1) + " applied pages were still reachable");
    }

    @Test
    void aRunStopsAfterItsPageLimitAndAnErrorStopsTheFeed() {
        FeedSync sync = new FeedSync(null, null, null, null, null, registry);
        Map<String, Long> applied = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        int[] asked = {0};
        sync.read(ORDERS, "0", after -> {
            asked[0]++;
            return Uni.createFrom().item(new FeedSync.Applied(after + "x", true, 1));
        }, applied, errors).await().indefinitely();
        assertEquals(FeedSync.MAX_PAGES_PER_RUN, asked[0], "a peer that always has more does not hold the run forever");
        assertEquals((long) FeedSync.MAX_PAGES_PER_RUN, applied.get(ORDERS));

        sync.read(SENTIMENT, "0", after -> after.equals("0")
                ? Uni.createFrom().item(new FeedSync.Applied("1", true, 7))
                : Uni.createFrom().failure(new IllegalStateException("peer down")), applied, errors).await().indefinitely();
        assertEquals(7L, applied.get(SENTIMENT), "rows before the failing page count");
        assertEquals("peer down", errors.get(SENTIMENT));

        assertEquals(FeedSync.MAX_PAGES_PER_RUN + 0.0, registry.get("storefront.recommender.feed.rows").tag("feed", ORDERS)
                .counter().count());
        assertEquals(7.0, registry.get("storefront.recommender.feed.rows").tag("feed", SENTIMENT).counter().count());
        assertEquals(0.0, registry.get("storefront.recommender.feed.errors").tag("feed", ORDERS).counter().count());
        assertEquals(1.0, registry.get("storefront.recommender.feed.errors").tag("feed", SENTIMENT).counter().count());
    }

    @Test
    void theLastSuccessMovesOnlyWhenAFeedIsReadWithoutAnError() throws InterruptedException {
        FeedSync sync = new FeedSync(null, null, null, null, null, registry);
        double atStart = lastSuccess(SENTIMENT);
        assertTrue(Math.abs(atStart - System.currentTimeMillis() / 1000.0) < 60, "the start time until the first read");
        Thread.sleep(20);
        sync.read(SENTIMENT, "0", after -> Uni.createFrom().failure(new IllegalStateException("peer down")),
                new LinkedHashMap<>(), new LinkedHashMap<>()).await().indefinitely();
        assertEquals(atStart, lastSuccess(SENTIMENT), "a failed read is no success");
        sync.read(ORDERS, "0", after -> Uni.createFrom().item(new FeedSync.Applied("1", false, 3)),
                new LinkedHashMap<>(), new LinkedHashMap<>()).await().indefinitely();
        assertTrue(lastSuccess(ORDERS) > atStart, "read without an error");
    }

    private double lastSuccess(String feed) {
        return registry.get("storefront.recommender.feed.last.success.timestamp.seconds").tag("feed", feed).gauge().value();
    }

    private static int held(List<WeakReference<byte[]>> rows) {
        int n = 0;
        for (int i = 0; i < rows.size() - 1; i++) if (rows.get(i).get() != null) n++;
        return n;
    }
}
