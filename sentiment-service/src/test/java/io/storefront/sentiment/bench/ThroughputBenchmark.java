package io.storefront.sentiment.bench;

import io.storefront.sentiment.domain.SentimentScorer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Batch speed of the full pipeline (sentence detection, tokens, tags, lemmas, scoring, aspects)
 * over the SST-2 training sentences, on as many threads as asked (run by {@code bench/sentiment.sh speed}).
 */
public final class ThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        List<String> sentences = LabelledSets.prefixed(dir.resolve("stsa.binary.train")).stream()
                .map(LabelledSets.Example::text).toList();
        SentimentScorer scorer = SentimentScorer.load();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int round = 1; round <= 5; round++) {
                AtomicInteger next = new AtomicInteger();
                long start = System.nanoTime();
                List<Future<?>> workers = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < sentences.size(); i = next.getAndIncrement()) {
                            scorer.score(sentences.get(i));
                        }
                    }));
                }
                for (Future<?> w : workers) w.get();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: %d sentences on %d threads in %.2f s = %.0f sentences/s%n", round,
                        sentences.size(), threads, seconds, sentences.size() / seconds);
            }
        }
    }
}
