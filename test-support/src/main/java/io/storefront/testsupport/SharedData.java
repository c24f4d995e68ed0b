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

    /** One line of the seed joined with its order; money in whole rupees, as in the files. */
    public record SeedLine(String orderId, java.time.LocalDate day, String customer, String state, String city,
                           String category, String subCategory, String paymentMode, long amount, long profit,
                           long quantity) {
    }

    /**
     * The seed's lines joined with their orders, read with plain string splitting (the seed has no
     * quoted fields), independently of the analytics parser: tests compute expected figures from these.
     * Values are stripped of surrounding blanks, as imports do ("Kerala " is Kerala).
     */
    public static java.util.List<SeedLine> seedLines() {
        try {
            Map<String, String[]> orders = new HashMap<>();
            var orderLines = Files.readAllLines(seed("order.csv"));
            for (String line : orderLines.subList(1, orderLines.size())) {
                String[] f = line.split(",");
                for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
                orders.put(f[0], f);
            }
            java.util.List<SeedLine> lines = new java.util.ArrayList<>();
            var detailLines = Files.readAllLines(seed("detail.csv"));
            for (String line : detailLines.subList(1, detailLines.size())) {
                String[] f = line.split(",");
                for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
                String[] o = orders.get(f[0]);
                String[] dmy = o[1].split("-");
                lines.add(new SeedLine(f[0], java.time.LocalDate.of(Integer.parseInt(dmy[2]), Integer.parseInt(dmy[1]),
                        Integer.parseInt(dmy[0])), o[2], o[3], o[4], f[4], f[5], f[6], Long.parseLong(f[1]),
                        Long.parseLong(f[2]), Long.parseLong(f[3])));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
