package io.storefront.analytics.domain;

import io.storefront.commons.csv.CsvReader;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row per order line, ISO dates: the generator's {@code order-lines.csv} and the exports of
 * most shop systems. Header names may use the aliases below.
 */
public final class FlatCsvSource implements OrderLineSource {

    static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();
    static {
        FIELDS.put("order_id", List.of("orderid", "ordernumber", "orderno", "invoiceno", "invoice"));
        FIELDS.put("order_date", List.of("orderdate", "date", "invoicedate", "orderday"));
        FIELDS.put("customer_id", List.of("customerid", "customerno", "customernumber"));
        FIELDS.put("customer_name", List.of("customername", "customer"));
        FIELDS.put("state", List.of("state", "province", "region"));
        FIELDS.put("city", List.of("city", "town"));
        FIELDS.put("product_id", List.of("productid", "sku", "stockcode", "itemid"));
        FIELDS.put("product_name", List.of("productname", "product", "itemname", "description"));
        FIELDS.put("category", List.of("category"));
        FIELDS.put("sub_category", List.of("subcategory"));
        FIELDS.put("quantity", List.of("quantity", "qty", "units"));
        FIELDS.put("amount", List.of("amount", "sales", "revenue", "total", "linetotal"));
        FIELDS.put("profit", List.of("profit", "margin"));
        FIELDS.put("payment_mode", List.of("paymentmode", "payment", "paymentmethod", "paymenttype"));
    }
    /** The fields a flat file or JSON batch has, as a column mapping names them. */
    public static java.util.Set<String> fields() {
        return FIELDS.keySet();
    }

    static final List<String> REQUIRED = List.of("order_id", "order_date", "state", "city", "category",
            "sub_category", "quantity", "amount", "profit", "payment_mode");

    /** Where rows come from: CSV records, or the items of a JSON batch turned into records. */
    interface Records extends java.io.Closeable {
        /** The next record, null at the end; an unreadable file throws {@link ImportRejected}. */
        String[] next();

        /** Where the last record started: its line in a CSV file, its position in a JSON array. */
        long position();
    }

    private final Records records;
    private final Columns columns;
    private final ImportTally tally = new ImportTally();
    private final ValuePool pool = new ValuePool();

    /** A flat CSV; {@code mapping} names the file's column for a field (field → header), overriding the aliases. */
    public FlatCsvSource(String file, Reader reader, Map<String, String> mapping) {
        this(file, csvRecords(file, new CsvReader(reader)), null, mapping);
    }

    /** Rows from {@code records}; the header is read from them unless given. */
    FlatCsvSource(String file, Records records, String[] header, Map<String, String> mapping) {
        this.records = records;
        this.columns = Columns.resolve(file, header != null ? header : records.next(), FIELDS, REQUIRED, mapping);
        if (!columns.has("customer_id") && !columns.has("customer_name")) {
            throw new ImportRejected(List.of(new RowError(file, 1, "customer_name",
                    "column is missing from the header: customer_name or customer_id is required")));
        }
    }

    @Override
    public List<OrderLine> nextBatch(int max) {
        List<OrderLine> batch = new ArrayList<>(Math.min(max, 8192));
        while (batch.size() < max) {
            String[] row = records.next();
            if (row == null) break;
            tally.read();
            RowParser p = new RowParser(columns, row, records.position());
            String orderId = p.field("order_id", FieldParser::required);
            LocalDate date = p.field("order_date", raw -> pool.date(raw, FieldParser::isoDate));
            String customerId = p.field("customer_id", FieldParser::optional);
            String customerName = p.field("customer_name", FieldParser::optional);
            String state = pool.of(p.field("state", FieldParser::required));
            String city = pool.of(p.field("city", FieldParser::required));
            String productId = pool.of(p.field("product_id", FieldParser::optional));
            String productName = pool.of(p.field("product_name", FieldParser::optional));
            String category = pool.of(p.field("category", FieldParser::required));
            String subCategory = pool.of(p.field("sub_category", FieldParser::required));
            Integer quantity = p.field("quantity", FieldParser::quantity);
            Long amount = p.field("amount", FieldParser::nonNegativeCents);
            Long profit = p.field("profit", FieldParser::cents);
            String payment = pool.of(p.field("payment_mode", FieldParser::required));
            if (p.ok() && customerId == null && customerName == null) {
                p.error(columns.nameInFile(columns.has("customer_name") ? "customer_name" : "customer_id"),
                        "is required (a customer name or id)");
            }
            if (!p.ok()) {
                tally.reject(p.errors());
                continue;
            }
            String key = customerId != null ? customerId : customerName;
            batch.add(new OrderLine(orderId, date, key, customerName != null ? customerName : customerId, state, city,
                    productId, productName, category, subCategory, quantity, amount, profit, payment));
        }
        return batch;
    }

    @Override
    public ImportTally tally() { return tally; }

    @Override
    public void close() {
        try {
            records.close();
        } catch (java.io.IOException ignored) {
            // the job deletes its files when it ends anyway
        }
    }

    private static Records csvRecords(String file, CsvReader csv) {
        return new Records() {
            @Override
            public String[] next() {
                return ImportRejected.nextRecord(csv, file);
            }

            @Override
            public long position() {
                return csv.recordLine();
            }

            @Override
            public void close() throws java.io.IOException {
                csv.close();
            }
        };
    }
}
