package io.storefront.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.testsupport.SharedData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportSourcesTest {

    @Test
    void readsTheOriginalSeedFilesCompletely() throws IOException {
        try (SeedCsvSource source = new SeedCsvSource(Files.newBufferedReader(SharedData.seed("order.csv")),
                Files.newBufferedReader(SharedData.seed("detail.csv")))) {
            List<OrderLine> all = drain(source, 400);
            assertEquals(1500, all.size());
            assertEquals(0, source.tally().rowsRejected());
            assertEquals(2000, source.tally().rowsRead());
            OrderLine first = all.stream().filter(l -> l.orderId().equals("B-26055")).findFirst().orElseThrow();
            assertEquals(LocalDate.of(2018, 3, 10), first.orderDate());
            assertEquals("Harivansh", first.customerName());
            assertEquals("Mathura", first.city());
        }
    }

    @Test
    void badRowsNameLineAndColumnAndGoodRowsPass() {
        String orders = "order_id,order_date,customer_name,state,city\nA-1,01-02-2020,Asha,Goa,Goa\n"
                + "A-2,31-02-2020,Ravi,Goa,Goa\nA-3,02-02-2020,Mira,Delhi,Delhi\n";
        String details = "order_id,amount,profit,quantity,category,sub_category,payment_mode\n"
                + "A-1,100,10,1,Clothing,Saree,UPI\n"
                + "A-2,100,10,1,Clothing,Saree,UPI\n"
                + "A-3,abc,10,x,Clothing,Saree,UPI\n"
                + "A-9,100,10,1,Clothing,Saree,UPI\n"
                + "A-3,250.50,-20,2,Furniture,Chairs,COD\n";
        try (SeedCsvSource source = new SeedCsvSource(new StringReader(orders), new StringReader(details))) {
            List<OrderLine> good = drain(source, 2);
            assertEquals(List.of("A-1", "A-3"), good.stream().map(OrderLine::orderId).toList());
            assertEquals(25_050, good.get(1).amountCents());
            List<RowError> errors = source.tally().errors();
            assertEquals(new RowError("order.csv", 3, "order_date", "'31-02-2020' is not a real date (dd-mm-yyyy)"), errors.get(0));
            assertEquals(new RowError("detail.csv", 3, "order_id", "order A-2 was rejected (order.csv line 3)"), errors.get(1));
            assertEquals("detail.csv:4:amount", where(errors.get(2)));
            assertEquals("detail.csv:4:quantity", where(errors.get(3)));
            assertEquals("detail.csv:5:order_id", where(errors.get(4)));
            assertEquals(4, source.tally().rowsRejected());
        }
    }

    @Test
    void flatHeadersAcceptTheNamesStoresUse() {
        String csv = "Order ID,Order Date,Customer Name,State,City,Category,Sub-Category,Quantity,Sales,Profit,Payment Mode\n"
                + "X-1,2024-01-31,Ann,Kerala,Kochi,Clothing,Stole,3,\"1,000\",5,UPI\n"
                + "X-1,2024-01-31,Ann,Kerala,Kochi,Clothing,Stole,3,999.90,5,UPI\n";
        try (FlatCsvSource source = new FlatCsvSource("export.csv", new StringReader(csv), java.util.Map.of())) {
            List<OrderLine> good = drain(source, 10);
            assertEquals(1, good.size());
            assertEquals(99_990, good.getFirst().amountCents());
            assertEquals("Ann", good.getFirst().customerKey());
            RowError error = source.tally().errors().getFirst();
            assertEquals("export.csv:2:Sales", where(error));
        }
    }

    /** "Kochi, Kerala" written without quotes shifts every value after it: the row is refused, not stored askew. */
    @Test
    void aRowWithValuesPastTheHeaderIsRejected() {
        String csv = "order_id,order_date,customer_name,state,city,category,sub_category,quantity,amount,profit,payment_mode\n"
                + "X-1,2024-01-31,Ann,Kerala,Kochi,Clothing,Stole,3,100,5,UPI\n"
                + "X-2,2024-01-31,Ben,Kerala,Kochi, Ernakulam,Clothing,Stole,3,100,5,UPI\n"
                + "X-3,2024-01-31,Cai,Kerala,Kochi,Clothing,Stole,3,100,5,UPI,,\n";
        try (FlatCsvSource source = new FlatCsvSource("export.csv", new StringReader(csv), java.util.Map.of())) {
            List<OrderLine> good = drain(source, 10);
            assertEquals(2, good.size(), "empty values past the header are fine");
            RowError error = source.tally().errors().getFirst();
            assertEquals(3, error.line());
            assertEquals("has 12 values for the header's 11 columns (a comma in a value that is not in quotes?)", error.message());
        }
    }

    @Test
    void aMissingColumnRejectsTheFileAndNamesTheColumn() {
        String csv = "order_id,order_date,customer_name,state,city,category,quantity,amount,profit,payment_mode\n";
        ImportRejected e = assertThrows(ImportRejected.class, () -> new FlatCsvSource("x.csv", new StringReader(csv), java.util.Map.of()));
        assertEquals("x.csv:1:sub_category", where(e.errors().getFirst()));
        assertTrue(e.errors().getFirst().message().contains("missing"));
    }

    private static String where(RowError e) {
        return e.file() + ":" + e.line() + ":" + e.column();
    }

    private static List<OrderLine> drain(OrderLineSource source, int batch) {
        List<OrderLine> all = new ArrayList<>();
        for (List<OrderLine> b = source.nextBatch(batch); !b.isEmpty(); b = source.nextBatch(batch)) {
            assertTrue(b.size() <= batch);
            all.addAll(b);
        }
        return all;
    }
}
