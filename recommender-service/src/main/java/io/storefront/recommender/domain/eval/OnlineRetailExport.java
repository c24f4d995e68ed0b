package io.storefront.recommender.domain.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the UCI Online Retail file, cleaned as the shared protocol says, into the recommender's own
 * input: JSON batches of catalog products (stock code, most frequent description, median unit price) and
 * of purchase events (customer, stock code, invoice time, quantity), for {@code bin/load-online-retail}.
 * The shop has no categories: every product is in "Online Retail" / "Gifts and homeware".
 *
 *   java ... OnlineRetailExport online_retail.csv OUT_DIR   writes products-N.json and purchases-N.json
 */
public final class OnlineRetailExport {

    static final int BATCH = 5000;

    private OnlineRetailExport() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        List<RetailData.Line> lines = RetailData.read(Path.of(args[0]));
        Map<String, Map<String, Integer>> names = new HashMap<>();
        for (RetailData.Line l : lines) {
            names.computeIfAbsent(l.item(), k -> new HashMap<>()).merge(l.description() == null ? "" : l.description(), 1, Integer::sum);
        }
        Map<String, List<Double>> prices = RetailData.unitPrices(Path.of(args[0]));
        List<String> products = new ArrayList<>();
        for (var e : names.entrySet()) {
            String name = e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .filter(n -> !n.isBlank()).orElse(e.getKey());
            List<Double> p = new ArrayList<>(prices.getOrDefault(e.getKey(), List.of(0.0)));
            p.sort(Double::compare);
            double median = p.get(p.size() / 2);
            products.add(String.format(java.util.Locale.ROOT, "{\"productId\":%s,\"name\":%s,\"category\":\"Online Retail\","
                    + "\"subCategory\":\"Gifts and homeware\",\"price\":%.2f}", json(e.getKey()), json(name), median));
        }
        List<String> purchases = new ArrayList<>();
        for (RetailData.Line l : lines) {
            purchases.add("{\"userId\":" + json(l.customer()) + ",\"productId\":" + json(l.item())
                    + ",\"kind\":\"purchase\",\"occurredAt\":\"" + l.time().toInstant(ZoneOffset.UTC) + "\"}");
        }
        int p = write(out, "products", products);
        int q = write(out, "purchases", purchases);
        System.out.printf("%d products in %d batches, %d purchases in %d batches, in %s%n", products.size(), p,
                purchases.size(), q, out);
    }

    private static int write(Path dir, String name, List<String> items) throws IOException {
        int batches = 0;
        for (int from = 0; from < items.size(); from += BATCH) {
            try (Writer w = Files.newBufferedWriter(dir.resolve(String.format("%s-%04d.json", name, batches++)),
                    StandardCharsets.UTF_8)) {
                w.write("[");
                w.write(String.join(",\n", items.subList(from, Math.min(items.size(), from + BATCH))));
                w.write("]\n");
            }
        }
        return batches;
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
