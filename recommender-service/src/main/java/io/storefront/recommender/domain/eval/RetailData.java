package io.storefront.recommender.domain.eval;

import io.storefront.commons.csv.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The UCI Online Retail set (Chen, Sain &amp; Guo 2012) cleaned as the shared offline protocol says:
 * no cancellations (invoices starting with C), no rows without a customer, quantity and unit price
 * above zero, stock codes of five digits and up to two letters.
 */
public final class RetailData {

    /** One kept invoice line. */
    public record Line(String invoice, String item, String description, LocalDateTime time, String customer) {
    }

    private static final Pattern STOCK_CODE = Pattern.compile("^\\d{5}[A-Z]{0,2}$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RetailData() {
    }

    public static List<Line> read(Path csv) {
        List<Line> lines = new ArrayList<>(400_000);
        forEachKept(csv, (row, at) -> {
            String id = row[at.customer].endsWith(".0") ? row[at.customer].substring(0, row[at.customer].length() - 2)
                    : row[at.customer];
            lines.add(new Line(row[at.invoice], row[at.code], row[at.description], LocalDateTime.parse(row[at.date], TIME), id));
        });
        return lines;
    }

    /** The unit prices of each kept stock code, for a catalog price. */
    public static java.util.Map<String, List<Double>> unitPrices(Path csv) {
        java.util.Map<String, List<Double>> prices = new java.util.HashMap<>();
        forEachKept(csv, (row, at) -> prices.computeIfAbsent(row[at.code], k -> new ArrayList<>())
                .add(Double.parseDouble(row[at.price])));
        return prices;
    }

    /** Where the protocol's columns are in the file. */
    private record Columns(int invoice, int code, int description, int quantity, int date, int price, int customer) {
    }

    /** Every row the protocol keeps: no cancellation, a customer, quantity and price above zero, a proper stock code. */
    private static void forEachKept(Path csv, java.util.function.BiConsumer<String[], Columns> kept) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CsvReader in = new CsvReader(reader)) {
            String[] header = in.next();
            Columns at = new Columns(column(header, "InvoiceNo"), column(header, "StockCode"), column(header, "Description"),
                    column(header, "Quantity"), column(header, "InvoiceDate"), column(header, "UnitPrice"),
                    column(header, "CustomerID"));
            for (String[] r = in.next(); r != null; r = in.next()) {
                if (r[at.invoice].startsWith("C") || r[at.customer].isBlank()) continue;
                if (Double.parseDouble(r[at.quantity]) <= 0 || Double.parseDouble(r[at.price]) <= 0) continue;
                if (!STOCK_CODE.matcher(r[at.code]).matches()) continue;
                kept.accept(r, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int column(String[] header, String name) {
        for (int i = 0; i < header.length; i++) if (header[i].strip().equals(name)) return i;
        throw new IllegalArgumentException("no column " + name);
    }
}
