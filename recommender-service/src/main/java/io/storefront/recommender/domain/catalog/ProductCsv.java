package io.storefront.recommender.domain.catalog;

import io.storefront.commons.csv.CsvReader;
import io.storefront.commons.problem.Problem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a catalog CSV found by their header, with the usual aliases of shop exports
 * ("Product ID", "Title", "Sub-Category", "Unit Price", "Stock" ...); any other column becomes an attribute.
 */
public final class ProductCsv {

    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        alias("productId", "product_id", "productid", "id", "sku", "stock_code", "stockcode", "item_id");
        alias("name", "name", "product_name", "title", "product");
        alias("description", "description", "desc", "details", "body");
        alias("category", "category", "department");
        alias("subCategory", "sub_category", "subcategory", "sub-category", "type", "product_type");
        alias("price", "price", "unit_price", "unitprice", "list_price", "amount");
        alias("inStock", "in_stock", "instock", "stock", "available", "availability");
    }

    private static void alias(String field, String... names) {
        for (String n : names) ALIASES.put(n, field);
    }

    private final Map<String, Integer> columns = new HashMap<>();
    private final Map<String, Integer> attributes = new LinkedHashMap<>();
    private final int width;

    private ProductCsv(int width) {
        this.width = width;
    }

    /** Reads a header; an error message when a required column is missing. */
    public static ProductCsv of(String[] header) {
        ProductCsv csv = new ProductCsv(header.length);
        for (int c = 0; c < header.length; c++) {
            String raw = header[c] == null ? "" : header[c].strip();
            if (c == 0 && raw.startsWith("\uFEFF")) raw = raw.substring(1);
            String key = raw.toLowerCase(Locale.ROOT).replace(' ', '_');
            String field = ALIASES.get(key);
            if (field != null && !csv.columns.containsKey(field)) csv.columns.put(field, c);
            else if (!raw.isEmpty()) csv.attributes.put(raw, c);
        }
        return csv;
    }

    private static final java.util.Set<String> ORDER_IDS = java.util.Set.of("order_id", "orderid", "invoice", "invoiceno",
            "invoice_no");
    private static final java.util.Set<String> ORDER_DATES = java.util.Set.of("order_date", "orderdate", "invoicedate",
            "invoice_date");

    /**
     * Whether the header is an order export's (an order id and an order date): such a file has product
     * columns too and would read as a catalog with each line's amount as a price, so it is refused.
     */
    public boolean looksLikeOrders() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String name : attributes.keySet()) keys.add(name.toLowerCase(Locale.ROOT).replace(' ', '_'));
        return keys.stream().anyMatch(ORDER_IDS::contains) && keys.stream().anyMatch(ORDER_DATES::contains);
    }

    /** Required columns the header lacks, e.g. ["price"]. */
    public List<String> missing() {
        return List.of("productId", "name", "category", "subCategory", "price").stream()
                .filter(f -> !columns.containsKey(f)).toList();
    }

    /** The row as a product, or a violation when a cell cannot be read. */
    public Object parse(String[] row, String file, long line) {
        String shifted = CsvReader.valuesPastHeader(width, row);
        if (shifted != null) return Problem.Violation.atLine(file, line, null, shifted);
        String price = cell(row, "price");
        BigDecimal amount = null;
        if (price != null && !price.isBlank()) {
            try {
                amount = new BigDecimal(price.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                return Problem.Violation.atLine(file, line, "price", "'" + price + "' is not a number");
            }
        }
        String stock = cell(row, "inStock");
        Boolean inStock = null;
        if (stock != null && !stock.isBlank()) {
            String s = stock.strip().toLowerCase(Locale.ROOT);
            if (List.of("true", "yes", "y", "1", "in stock", "in_stock").contains(s)) inStock = true;
            else if (List.of("false", "no", "n", "0", "out of stock", "out_of_stock").contains(s)) inStock = false;
            else return Problem.Violation.atLine(file, line, "inStock", "'" + stock + "' is not true/false or yes/no");
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (var e : attributes.entrySet()) {
            String v = e.getValue() < row.length ? row[e.getValue()] : null;
            if (v != null && !v.isBlank()) attrs.put(e.getKey(), v.strip());
        }
        return new ProductInput(strip(cell(row, "productId")), strip(cell(row, "name")), cell(row, "description"),
                strip(cell(row, "category")), strip(cell(row, "subCategory")), amount, inStock, attrs);
    }

    private String cell(String[] row, String field) {
        Integer c = columns.get(field);
        return c == null || c >= row.length ? null : row[c];
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
