package io.storefront.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NewestOnlyTest {

    /** Runs that end when the test says so. */
    private final List<Long> started = new ArrayList<>();
    private final List<CompletableFuture<Void>> running = new ArrayList<>();
    private final NewestOnly newestOnly = new NewestOnly(version -> {
        started.add(version);
        CompletableFuture<Void> end = new CompletableFuture<>();
        running.add(end);
        return Uni.createFrom().completionStage(end);
    });

    @Test
    void versionsAskedForDuringARunMakeOneRunForTheNewest() {
        newestOnly.ask(1);
        newestOnly.ask(3);
        newestOnly.ask(2);
        newestOnly.ask(4);
        assertEquals(List.of(1L), started, "one run at a time");

        running.getFirst().complete(null);
        assertEquals(List.of(1L, 4L), started, "then the newest; 2 and 3 are skipped");

        running.getLast().complete(null);
        newestOnly.ask(4);
        newestOnly.ask(3);
        assertEquals(List.of(1L, 4L), started, "nothing older than or equal to what ran");
    }

    @Test
    void aFailedRunDoesNotStopTheNext() {
        newestOnly.ask(1);
        newestOnly.ask(2);
        running.getFirst().completeExceptionally(new IllegalStateException("database gone"));
        assertEquals(List.of(1L, 2L), started);
        running.getLast().complete(null);
        newestOnly.ask(5);
        assertEquals(List.of(1L, 2L, 5L), started);
    }
}
