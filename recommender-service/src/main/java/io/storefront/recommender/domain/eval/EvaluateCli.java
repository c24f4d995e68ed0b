package io.storefront.recommender.domain.eval;

import io.storefront.commons.csv.CsvReader;
import io.storefront.recommender.domain.model.NewItemsLearning;
import io.storefront.recommender.domain.model.Recommender;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline evaluation from the command line, on a store's export of order lines (CSV with a header):
 * order, date, customer and product columns (ids or aliases: InvoiceNo / order_id, InvoiceDate / order_date,
 * CustomerID / customer_id, StockCode / product_id), optionally product name, category, sub-category and
 * quantity. The UCI Online Retail file is recognised and cleaned as the shared protocol says.
 *
 *   bin/evaluate-recommender FILE.csv --cut 2011-09-01 [--end 2011-12-31] [--configured-weights]
 *
 * As a model build does, the new-items blend is learned on the training data; {@code --configured-weights}
 * ranks new-items lists by the configured weights instead, to compare.
 */
public final class EvaluateCli {

    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        for (String a : List.of("order_id", "orderid", "order", "invoiceno", "invoice", "invoice_no")) ALIASES.put(a, "order");
        for (String a : List.of("order_date", "orderdate", "date", "invoicedate", "invoice_date", "time")) ALIASES.put(a, "date");
        for (String a : List.of("customer_id", "customerid", "customer", "user_id", "customer_name")) ALIASES.put(a, "customer");
        for (String a : List.of("product_id", "productid", "stockcode", "stock_code", "sku", "item_id")) ALIASES.put(a, "product");
        for (String a : List.of("product_name", "description", "name", "title")) ALIASES.put(a, "name");
        for (String a : List.of("category")) ALIASES.put(a, "category");
        for (String a : List.of("sub_category", "subcategory", "sub-category")) ALIASES.put(a, "subCategory");
        for (String a : List.of("quantity", "qty")) ALIASES.put(a, "quantity");
    }

    private EvaluateCli() {
    }

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean learn = !rest.remove("--configured-weights");
        args = rest.toArray(String[]::new);
        if (args.length < 3 || !args[1].equals("--cut")) {
            System.err.println("usage: bin/evaluate-recommender FILE.csv --cut YYYY-MM-DD [--end YYYY-MM-DD] [--configured-weights]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        LocalDateTime cut = LocalDate.parse(args[2]).atStartOfDay();
        LocalDateTime end = args.length >= 5 && args[3].equals("--end") ? LocalDate.parse(args[4]).atStartOfDay() : null;
        List<Interactions.Event> events = new ArrayList<>();
        Map<String, Recommender.Item> catalogue = new HashMap<>();
        read(file, events, catalogue);
        System.out.printf("%,d purchases of %s; cut %s%s%n", events.size(), file.getFileName(), cut.toLocalDate(),
                end == null ? "" : ", end " + end.toLocalDate());
        NewItemsLearning.Options options = learn ? NewItemsLearning.Options.DEFAULT : NewItemsLearning.Options.OFF;
        OfflineEvaluation.Result result = OfflineEvaluation.run(events, cut, end, new OfflineEvaluation.Setup(catalogue,
                Recommender.Settings.DEFAULT, Recommender.Settings.DEFAULT_NEW_ITEMS, options));
        NewItemsLearning.Report learning = result.learning();
        if (learning == null) {
            System.out.println("new-items lists ranked by the configured weights");
        } else {
            System.out.printf(Locale.ROOT, "new-items blend learned on %d customers' purchases from %s (%d held out): "
                            + "NDCG@10 %.4f learned vs %.4f configured; %s%n  %s%n", learning.customers(), learning.cut(),
                    learning.checkedOn(), learning.learnedNdcg(), learning.configuredNdcg(), learning.note(), learning.blend());
        }
        List<OfflineEvaluation.Row> rows = result.rows();
        System.out.println("| variant | method | users | HR@10 | P@10 | R@10 | NDCG@10 | MAP@10 | coverage | seconds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (OfflineEvaluation.Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f |%n", r.variant(),
                    r.method(), r.users(), r.hr(), r.precision(), r.recall(), r.ndcg(), r.map(), r.coverage(), r.seconds());
        }
    }

    static void read(Path file, List<Interactions.Event> events, Map<String, Recommender.Item> catalogue) throws IOException {
        String header;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            header = lines.findFirst().orElse("");
        }
        if (header.contains("InvoiceNo") && header.contains("StockCode")) {
            for (RetailData.Line l : RetailData.read(file)) {
                events.add(new Interactions.Event(l.customer(), l.item(), l.invoice(), l.time(), 1));
                catalogue.putIfAbsent(l.item(), new Recommender.Item(l.item(), l.description(), "", "", "", 0, true));
            }
            return;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvReader in = new CsvReader(reader)) {
            String[] head = in.next();
            Map<String, Integer> col = new HashMap<>();
            for (int c = 0; c < head.length; c++) {
                String field = ALIASES.get(head[c].strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace(' ', '_'));
                if (field != null) col.putIfAbsent(field, c);
            }
            for (String needed : List.of("order", "date", "customer", "product")) {
                if (!col.containsKey(needed)) throw new IllegalArgumentException("no " + needed + " column in the header");
            }
            for (String[] r = in.next(); r != null; r = in.next()) {
                String customer = cell(r, col, "customer");
                String product = cell(r, col, "product");
                LocalDateTime time = time(cell(r, col, "date"));
                if (customer.isEmpty() || product.isEmpty() || time == null) continue;
                String quantity = cell(r, col, "quantity");
                if (!quantity.isEmpty() && quantity.startsWith("-")) continue;
                events.add(new Interactions.Event(customer, product, cell(r, col, "order"), time, 1));
                catalogue.putIfAbsent(product, new Recommender.Item(product, cell(r, col, "name"), "",
                        cell(r, col, "category"), cell(r, col, "subCategory"), 0, true));
            }
        }
    }

    private static String cell(String[] row, Map<String, Integer> col, String field) {
        Integer c = col.get(field);
        return c == null || c >= row.length || row[c] == null ? "" : row[c].strip();
    }

    private static LocalDateTime time(String value) {
        try {
            if (value.length() == 10) return LocalDate.parse(value).atStartOfDay();
            return LocalDateTime.parse(value.replace(' ', 'T').substring(0, Math.min(19, value.length())));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
