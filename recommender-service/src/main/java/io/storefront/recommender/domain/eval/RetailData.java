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
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CsvReader in = new CsvReader(reader)) {
            String[] header = in.next();
            int invoice = column(header, "InvoiceNo");
            int code = column(header, "StockCode");
            int description = column(header, "Description");
            int quantity = column(header, "Quantity");
            int date = column(header, "InvoiceDate");
            int price = column(header, "UnitPrice");
            int customer = column(header, "CustomerID");
            List<Line> lines = new ArrayList<>(400_000);
            for (String[] r = in.next(); r != null; r = in.next()) {
                if (r[invoice].startsWith("C") || r[customer].isBlank()) continue;
                if (Double.parseDouble(r[quantity]) <= 0 || Double.parseDouble(r[price]) <= 0) continue;
                if (!STOCK_CODE.matcher(r[code]).matches()) continue;
                String id = r[customer].endsWith(".0") ? r[customer].substring(0, r[customer].length() - 2) : r[customer];
                lines.add(new Line(r[invoice], r[code], r[description], LocalDateTime.parse(r[date], TIME), id));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int column(String[] header, String name) {
        for (int i = 0; i < header.length; i++) if (header[i].strip().equals(name)) return i;
        throw new IllegalArgumentException("no column " + name);
    }

    /** The unit prices of each kept stock code (the same cleaning as {@link #read}), for a catalog price. */
    public static java.util.Map<String, List<Double>> unitPrices(Path csv) {
        java.util.Map<String, List<Double>> prices = new java.util.HashMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CsvReader in = new CsvReader(reader)) {
            String[] header = in.next();
            int invoice = column(header, "InvoiceNo");
            int code = column(header, "StockCode");
            int quantity = column(header, "Quantity");
            int price = column(header, "UnitPrice");
            int customer = column(header, "CustomerID");
            for (String[] r = in.next(); r != null; r = in.next()) {
                if (r[invoice].startsWith("C") || r[customer].isBlank()) continue;
                if (Double.parseDouble(r[quantity]) <= 0 || Double.parseDouble(r[price]) <= 0) continue;
                if (!STOCK_CODE.matcher(r[code]).matches()) continue;
                prices.computeIfAbsent(r[code], k -> new ArrayList<>()).add(Double.parseDouble(r[price]));
            }
            return prices;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
