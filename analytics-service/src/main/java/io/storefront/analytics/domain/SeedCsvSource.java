package io.storefront.analytics.domain;

import io.storefront.commons.csv.CsvReader;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original application's two files: {@code order.csv} (order_id, order_date as dd-mm-yyyy,
 * customer_name, state, city) and {@code detail.csv} (order_id, amount, profit, quantity,
 * category, sub_category, payment_mode). Orders are read first and held by id; then detail rows
 * stream and join them. A detail row whose order was rejected or is unknown is rejected too.
 */
public final class SeedCsvSource implements OrderLineSource {

    public static final String ORDER_FILE = "order.csv";
    public static final String DETAIL_FILE = "detail.csv";

    private static final Map<String, List<String>> ORDER_FIELDS = new LinkedHashMap<>();
    private static final Map<String, List<String>> DETAIL_FIELDS = new LinkedHashMap<>();
    static {
        ORDER_FIELDS.put("order_id", List.of("orderid"));
        ORDER_FIELDS.put("order_date", List.of("orderdate", "date"));
        ORDER_FIELDS.put("customer_name", List.of("customername", "customer"));
        ORDER_FIELDS.put("state", List.of("state"));
        ORDER_FIELDS.put("city", List.of("city"));
        DETAIL_FIELDS.put("order_id", List.of("orderid"));
        DETAIL_FIELDS.put("amount", List.of("amount", "sales"));
        DETAIL_FIELDS.put("profit", List.of("profit"));
        DETAIL_FIELDS.put("quantity", List.of("quantity", "qty"));
        DETAIL_FIELDS.put("category", List.of("category"));
        DETAIL_FIELDS.put("sub_category", List.of("subcategory"));
        DETAIL_FIELDS.put("payment_mode", List.of("paymentmode", "payment"));
    }

    private record OrderHead(LocalDate date, String customer, String state, String city) {
    }

    private final Map<String, OrderHead> orders = new HashMap<>();
    private final Map<String, Long> rejectedOrders = new HashMap<>();
    private final CsvReader details;
    private final Columns detailColumns;
    private final ImportTally tally = new ImportTally();

    public SeedCsvSource(Reader orderFile, Reader detailFile) {
        readOrders(new CsvReader(orderFile));
        this.details = new CsvReader(detailFile);
        this.detailColumns = Columns.resolve(DETAIL_FILE, ImportRejected.nextRecord(details, DETAIL_FILE),
                DETAIL_FIELDS, List.copyOf(DETAIL_FIELDS.keySet()));
    }

    private void readOrders(CsvReader csv) {
        Columns columns = Columns.resolve(ORDER_FILE, ImportRejected.nextRecord(csv, ORDER_FILE), ORDER_FIELDS,
                List.copyOf(ORDER_FIELDS.keySet()));
        Map<String, Long> lineOf = new HashMap<>();
        while (true) {
            String[] row = ImportRejected.nextRecord(csv, ORDER_FILE);
            if (row == null) break;
            tally.read();
            long line = csv.recordLine();
            RowParser p = new RowParser(columns, row, line);
            String id = p.field("order_id", FieldParser::required);
            LocalDate date = p.field("order_date", FieldParser::dayFirstDate);
            String customer = p.field("customer_name", FieldParser::required);
            String state = p.field("state", FieldParser::required);
            String city = p.field("city", FieldParser::required);
            if (id != null && lineOf.containsKey(id)) {
                p.error(columns.nameInFile("order_id"), "order " + id + " is already on line " + lineOf.get(id));
            }
            if (!p.ok()) {
                tally.reject(p.errors());
                if (id != null && !orders.containsKey(id)) rejectedOrders.putIfAbsent(id, line);
                continue;
            }
            lineOf.put(id, line);
            orders.put(id, new OrderHead(date, customer, state, city));
        }
    }

    @Override
    public List<OrderLine> nextBatch(int max) {
        List<OrderLine> batch = new ArrayList<>(Math.min(max, 8192));
        while (batch.size() < max) {
            String[] row = ImportRejected.nextRecord(details, DETAIL_FILE);
            if (row == null) break;
            tally.read();
            RowParser p = new RowParser(detailColumns, row, details.recordLine());
            String orderId = p.field("order_id", FieldParser::required);
            Long amount = p.field("amount", FieldParser::nonNegativeCents);
            Long profit = p.field("profit", FieldParser::cents);
            Integer quantity = p.field("quantity", FieldParser::quantity);
            String category = p.field("category", FieldParser::required);
            String subCategory = p.field("sub_category", FieldParser::required);
            String payment = p.field("payment_mode", FieldParser::required);
            OrderHead head = orderId == null ? null : orders.get(orderId);
            if (orderId != null && head == null) {
                Long rejectedAt = rejectedOrders.get(orderId);
                p.error(detailColumns.nameInFile("order_id"), rejectedAt != null
                        ? "order " + orderId + " was rejected (" + ORDER_FILE + " line " + rejectedAt + ")"
                        : "order " + orderId + " is not in " + ORDER_FILE);
            }
            if (!p.ok()) {
                tally.reject(p.errors());
                continue;
            }
            batch.add(new OrderLine(orderId, head.date(), head.customer(), head.customer(), head.state(), head.city(),
                    null, null, category, subCategory, quantity, amount, profit, payment));
        }
        return batch;
    }

    @Override
    public ImportTally tally() { return tally; }

    @Override
    public void close() {
        try {
            details.close();
        } catch (java.io.IOException ignored) {
            // the upload is deleted at the end of the request anyway
        }
    }
}
