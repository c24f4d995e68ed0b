package io.storefront.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code java -jar data-generator.jar --lines 100000 --seed 42 --out DIR [--formats flat,seed,products,reviews]}. */
public final class Main {

    static final String USAGE = """
            Usage: java -jar data-generator.jar --out DIR [options]
              --lines N        order lines to write (default 100000)
              --seed N         random seed; the same seed writes the same bytes (default 42)
              --customers N    number of customers (default lines/12, at least 50)
              --products N     catalog size (default lines/200, 200..50000)
              --start DATE     first order day, ISO (default 2023-01-01)
              --months N       months of orders, at least 24 (default 24)
              --review-rate F  share of order lines that get a review (default 0.05)
              --formats LIST   any of flat,seed,products,reviews (default all)
            Writes order-lines.csv (flat, ISO dates), order.csv + detail.csv (the original
            application's two-file format, day-first dates), products.csv and reviews.csv.""";

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.containsKey("help")) {
            System.out.println(USAGE);
            return;
        }
        long started = System.nanoTime();
        StoreGenerator.Summary summary;
        try {
            summary = run(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%,d order lines in %,d orders, %,d products, %,d reviews, %,d customers with orders, "
                        + "%,d loss-making lines; %.1f s (%,.0f lines/s)%n",
                summary.lines(), summary.orders(), summary.products(), summary.reviews(), summary.activeCustomers(),
                summary.lossMakingLines(), seconds, summary.lines() / seconds);
    }

    static StoreGenerator.Summary run(Map<String, String> options) throws IOException {
        if (!options.containsKey("out")) throw new IllegalArgumentException("--out is required");
        long lines = Long.parseLong(options.getOrDefault("lines", "100000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        StoreGenerator.Settings defaults = StoreGenerator.Settings.of(seed, lines);
        StoreGenerator.Settings settings = new StoreGenerator.Settings(seed, lines,
                Integer.parseInt(options.getOrDefault("customers", String.valueOf(defaults.customers()))),
                Integer.parseInt(options.getOrDefault("products", String.valueOf(defaults.products()))),
                LocalDate.parse(options.getOrDefault("start", defaults.start().toString())),
                Integer.parseInt(options.getOrDefault("months", String.valueOf(defaults.months()))),
                Double.parseDouble(options.getOrDefault("review-rate", String.valueOf(defaults.reviewRate()))));
        Set<String> formats = Set.copyOf(List.of(options.getOrDefault("formats", "flat,seed,products,reviews").split(",")));
        for (String f : formats) {
            if (!Set.of("flat", "seed", "products", "reviews").contains(f)) {
                throw new IllegalArgumentException("Unknown format: " + f);
            }
        }
        Path dir = Path.of(options.get("out"));
        Files.createDirectories(dir);
        try (Writer flat = open(formats.contains("flat"), dir.resolve("order-lines.csv"));
             Writer orders = open(formats.contains("seed"), dir.resolve("order.csv"));
             Writer details = open(formats.contains("seed"), dir.resolve("detail.csv"));
             Writer products = open(formats.contains("products"), dir.resolve("products.csv"));
             Writer reviews = open(formats.contains("reviews"), dir.resolve("reviews.csv"))) {
            return new StoreGenerator(settings).generate(new StoreGenerator.Outputs(flat, orders, details, products, reviews));
        }
    }

    private static Writer open(boolean wanted, Path file) throws IOException {
        return wanted ? new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20) : null;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("help", "");
                continue;
            }
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            options.put(arg.substring(2), args[++i]);
        }
        return options;
    }
}
