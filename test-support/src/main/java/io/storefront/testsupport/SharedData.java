package io.storefront.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The public data sets in ../shared/data, read in place (never copied into the repository). */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String configured = System.getProperty("shared.data.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../../shared/data");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared data not found at " + dir.toAbsolutePath()
                    + ": the repository expects ../shared beside it");
        }
        return dir;
    }

    public static Path seed(String file) {
        return dir().resolve("seed").resolve(file);
    }

    /**
     * Monthly sums of the original application's seed files, computed here with plain string
     * splitting, independently of the analytics parser. Keys are "yyyy-MM"; money in whole rupees.
     */
    public record SeedTotals(Map<String, Long> revenue, Map<String, Long> profit, Map<String, Long> units,
                             Map<String, Set<String>> orders, Map<String, Long> revenueByMode) {

        public long totalRevenue() {
            return revenue.values().stream().mapToLong(Long::longValue).sum();
        }

        public static SeedTotals compute() {
            try {
                Map<String, String> monthOfOrder = new HashMap<>();
                var orderLines = Files.readAllLines(seed("order.csv"));
                for (String line : orderLines.subList(1, orderLines.size())) {
                    String[] f = line.split(",");
                    String[] dmy = f[1].split("-");
                    monthOfOrder.put(f[0], dmy[2] + "-" + dmy[1]); // day-first: 10-03-2018 is March
                }
                SeedTotals t = new SeedTotals(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                        new TreeMap<>());
                var detailLines = Files.readAllLines(seed("detail.csv"));
                for (String line : detailLines.subList(1, detailLines.size())) {
                    String[] f = line.split(",");
                    String month = monthOfOrder.get(f[0]);
                    t.revenue().merge(month, Long.parseLong(f[1]), Long::sum);
                    t.profit().merge(month, Long.parseLong(f[2]), Long::sum);
                    t.units().merge(month, Long.parseLong(f[3]), Long::sum);
                    t.orders().computeIfAbsent(month, k -> new HashSet<>()).add(f[0]);
                    t.revenueByMode().merge(f[6], Long.parseLong(f[1]), Long::sum);
                }
                return t;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
