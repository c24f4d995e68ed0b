import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop load generator for loopback benchmarks: for each line of TEXTS in turn it sends a POST
 * with the JSON body {@code {"text": line}}, or, when URL contains {@code {}}, a GET of URL with the
 * line (URL-encoded) in place of {@code {}}; at a fixed rate for a fixed time, and measures each latency from the moment
 * the request was due, so a stalled server cannot hide its queue (no coordinated omission). Bounded: it
 * stops after SECONDS and waits at most 10 s more for answers.
 *
 *   java bench/LoadAtRate.java URL RATE SECONDS TEXTS [WARMUP_SECONDS]
 *   java bench/LoadAtRate.java 'http://localhost:8082/api/v1/recommendations/users/{}?k=10' 300 60 users.txt
 * The environment variable LOAD_HEADER ("Name: value", e.g. an Authorization header) is sent with every request.
 */
public class LoadAtRate {

    static final String[] HEADER = System.getenv("LOAD_HEADER") == null ? null : System.getenv("LOAD_HEADER").split(":", 2);

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0].replace("{}", "x"));
        if (!uri.getHost().equals("localhost") && !uri.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("loopback targets only, got " + uri.getHost());
        }
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        boolean get = args[0].contains("{}");
        List<String> bodies = Files.readAllLines(Path.of(args[3])).stream().filter(l -> !l.isBlank())
                .map(text -> get ? java.net.URLEncoder.encode(text.strip(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20") : "{\"text\": \"" + json(text) + "\"}").toList();
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        String target = get ? args[0] : null;
        run(client, uri, target, rate, warmup, bodies, "warm-up");
        run(client, uri, target, rate, seconds, bodies, "measured");
    }

    /** {@code getTemplate}: the URL with {} for GET requests, or null for POSTs to {@code uri}. */
    static void run(HttpClient client, URI uri, String getTemplate, int rate, int seconds, List<String> bodies,
                    String label) throws Exception {
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.ConcurrentHashMap<String, Integer> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        scheduler.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= total) return;
            long due = start + i * intervalNanos;
            String item = bodies.get(i % bodies.size());
            HttpRequest.Builder builder = getTemplate != null
                    ? HttpRequest.newBuilder(URI.create(getTemplate.replace("{}", item))).timeout(Duration.ofSeconds(10)).GET()
                    : HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(item));
            if (HEADER != null) builder.header(HEADER[0].strip(), HEADER[1].strip());
            HttpRequest request = builder.build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() >= 400) {
                    errors.incrementAndGet();
                    errorKinds.merge(failure != null ? failure.getClass().getSimpleName() : String.valueOf(response.statusCode()), 1, Integer::sum);
                }
                else latencies.add(System.nanoTime() - due);
                done.incrementAndGet();
            });
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);
        long deadline = start + (seconds + 10) * 1_000_000_000L;
        while (done.get() < total && System.nanoTime() < deadline) Thread.sleep(50);
        scheduler.shutdownNow();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d requests at %d/s for %d s: %d ok, %d errors, %d unanswered; latency p50 %.2f ms, "
                        + "p90 %.2f ms, p99 %.2f ms, max %.2f ms (%.1f s)%n", label, total, rate, seconds, sorted.length,
                errors.get(), total - done.get(), ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, elapsed);
        if (!errorKinds.isEmpty()) System.out.println(label + " errors: " + errorKinds);
    }

    static String json(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
