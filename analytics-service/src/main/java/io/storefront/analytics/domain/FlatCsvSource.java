package io.storefront.analytics.domain;

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
    static final List<String> REQUIRED = List.of("order_id", "order_date", "state", "city", "category",
            "sub_category", "quantity", "amount", "profit", "payment_mode");

    private final CsvReader csv;
    private final Columns columns;
    private final ImportTally tally = new ImportTally();

    public FlatCsvSource(String file, Reader reader) {
        this.csv = new CsvReader(reader);
        this.columns = Columns.resolve(file, ImportRejected.nextRecord(csv, file), FIELDS, REQUIRED);
        if (!columns.has("customer_id") && !columns.has("customer_name")) {
            throw new ImportRejected(List.of(new RowError(file, 1, "customer_name",
                    "column is missing from the header: customer_name or customer_id is required")));
        }
    }

    @Override
    public List<OrderLine> nextBatch(int max) {
        List<OrderLine> batch = new ArrayList<>(Math.min(max, 8192));
        while (batch.size() < max) {
            String[] row = ImportRejected.nextRecord(csv, columns.file());
            if (row == null) break;
            tally.read();
            RowParser p = new RowParser(columns, row, csv.recordLine());
            String orderId = p.field("order_id", FieldParser::required);
            LocalDate date = p.field("order_date", FieldParser::isoDate);
            String customerId = p.field("customer_id", FieldParser::optional);
            String customerName = p.field("customer_name", FieldParser::optional);
            String state = p.field("state", FieldParser::required);
            String city = p.field("city", FieldParser::required);
            String productId = p.field("product_id", FieldParser::optional);
            String productName = p.field("product_name", FieldParser::optional);
            String category = p.field("category", FieldParser::required);
            String subCategory = p.field("sub_category", FieldParser::required);
            Integer quantity = p.field("quantity", FieldParser::quantity);
            Long amount = p.field("amount", FieldParser::nonNegativeCents);
            Long profit = p.field("profit", FieldParser::cents);
            String payment = p.field("payment_mode", FieldParser::required);
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
            csv.close();
        } catch (java.io.IOException ignored) {
            // the upload is deleted at the end of the request anyway
        }
    }
}
