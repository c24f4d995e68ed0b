package io.storefront.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storefront.analytics.domain.RollupDelta.CubeKey;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupDeltaTest {

    private static OrderLine line(String order, String day, String category, String sub, String mode, long cents) {
        return new OrderLine(order, LocalDate.parse(day), "c", "c", "Goa", "Panaji", null, null, category, sub, 1, cents,
                cents / 10, mode);
    }

    @Test
    void anOrderCountsOncePerCellWhateverItsLines() {
        RollupDelta delta = new RollupDelta();
        // one order: two books lines (same sub-category, two payment modes) and a toy
        List.of(line("A", "2024-03-05", "Books", "Novels", "UPI", 100), line("A", "2024-03-05", "Books", "Novels", "COD", 50),
                line("A", "2024-03-05", "Toys", "Blocks", "UPI", 20), line("B", "2024-03-07", "Books", "Comics", "UPI", 10))
                .forEach(delta::accept);
        delta.finish();
        var cube = delta.cube();
        var books = cube.get(new CubeKey("m", 1, LocalDate.parse("2024-03-01"), "Books", "", "", "Goa", "Panaji"));
        assertEquals(2, books.orders, "A and B");
        assertEquals(160, books.revenueCents);
        assertEquals(3, books.lines);
        var novels = cube.get(new CubeKey("d", 3, LocalDate.parse("2024-03-05"), "Books", "Novels", "", "", ""));
        assertEquals(1, novels.orders, "A once, though paid two ways");
        var upi = cube.get(new CubeKey("d", 4, LocalDate.parse("2024-03-05"), "", "", "UPI", "", ""));
        assertEquals(1, upi.orders);
        assertEquals(120, upi.revenueCents);
        var whole = cube.get(new CubeKey("m", 0, LocalDate.parse("2024-03-01"), "", "", "", "Goa", "Panaji"));
        assertEquals(2, whole.orders);
        assertEquals(180, whole.revenueCents);
        var dayWhole = cube.get(new CubeKey("d", 0, LocalDate.parse("2024-03-07"), "", "", "", "Goa", "Panaji"));
        assertEquals(1, dayWhole.orders, "day rows of whole orders keep the place");
        // products: no ids or names, so category / sub-category
        var novelsProduct = delta.products().get(new RollupDelta.ProductKey(LocalDate.parse("2024-03-01"), "Books / Novels"));
        assertEquals(1, novelsProduct.orders);
        assertEquals(150, novelsProduct.revenueCents);
        assertEquals("Novels", novelsProduct.productName);
    }

    @Test
    void drainedPartsAddUpToTheWhole() {
        RollupDelta delta = new RollupDelta();
        delta.accept(line("A", "2024-03-05", "Books", "Novels", "UPI", 100));
        delta.accept(line("B", "2024-03-05", "Books", "Novels", "UPI", 1));
        RollupDelta first = delta.drain();
        assertEquals(15, first.size(),
                "order A: 6 dimension sets x 2 grains, its product month, its customer and customer month; B is still open");
        assertEquals(0, delta.size());
        delta.accept(line("C", "2024-03-05", "Books", "Novels", "UPI", 10));
        delta.finish();
        CubeKey novels = new CubeKey("d", 3, LocalDate.parse("2024-03-05"), "Books", "Novels", "", "", "");
        assertEquals(1, first.cube().get(novels).orders);
        assertEquals(100, first.cube().get(novels).revenueCents);
        assertEquals(2, delta.cube().get(novels).orders, "B and C in the second part");
        assertEquals(11, delta.cube().get(novels).revenueCents);
    }

    @Test
    void ordersAndCustomersAreSummedAsTheyComplete() {
        RollupDelta delta = new RollupDelta();
        delta.accept(new OrderLine("A", LocalDate.parse("2024-03-05"), "c1", "Asha", "Goa", "Panaji", null, null, "Books",
                "Novels", 2, 100, 10, "UPI"));
        // the order's attributes are those of its last line
        delta.accept(new OrderLine("A", LocalDate.parse("2024-03-05"), "c1", "Asha K", "Goa", "Margao", null, null, "Toys",
                "Blocks", 1, 50, -5, "UPI"));
        delta.accept(new OrderLine("B", LocalDate.parse("2024-02-01"), "c1", "Asha (old)", "Kerala", "Kochi", null, null,
                "Books", "Comics", 3, 30, 3, "COD"));
        assertEquals(List.of(new RollupDelta.OrderTotals("A", LocalDate.parse("2024-03-05"), "c1", "Asha K", "Goa", "Margao",
                150, 5, 3, 2, 2)), delta.takeOrders(), "A is complete when B begins; its last line is the file's second");
        delta.finish();
        List<RollupDelta.OrderTotals> rest = delta.takeOrders();
        assertEquals(1, rest.size());
        assertEquals(3, rest.getFirst().lastLine());
        assertEquals(List.of(), delta.takeOrders(), "taken orders are handed out once");

        RollupDelta.CustomerSums c1 = delta.customers().get("c1");
        assertEquals(2, c1.orders);
        assertEquals(180, c1.revenueCents);
        assertEquals(8, c1.profitCents);
        assertEquals(6, c1.units);
        assertEquals(LocalDate.parse("2024-02-01"), c1.firstDay);
        assertEquals(LocalDate.parse("2024-03-05"), c1.lastDay);
        assertEquals("Asha K", c1.customerName, "name and place of the latest order, not of the last one read");
        assertEquals("Margao", c1.city);
        var march = delta.customerMonths().get(new RollupDelta.CustomerMonth("c1", LocalDate.parse("2024-03-01")));
        assertEquals(1, march.orders);
        assertEquals(150, march.revenueCents);
    }

    @Test
    void aCustomersLatestOrderOnOneDayIsTheHighestOrderId() {
        RollupDelta delta = new RollupDelta();
        delta.accept(new OrderLine("O-9", LocalDate.parse("2024-03-05"), "c1", "Nine", "Goa", "Panaji", null, null, "Books",
                "Novels", 1, 10, 1, "UPI"));
        delta.accept(new OrderLine("O-10", LocalDate.parse("2024-03-05"), "c1", "Ten", "Goa", "Panaji", null, null, "Books",
                "Novels", 1, 10, 1, "UPI"));
        delta.finish();
        assertEquals("Nine", delta.customers().get("c1").customerName, "\"O-9\" sorts after \"O-10\", as in SQL's C collation");
    }

    @Test
    void sumsAreHandedOutInTheirTablesKeyOrder() {
        RollupDelta delta = new RollupDelta();
        for (String order : List.of("B", "A", "C")) {
            delta.accept(new OrderLine(order, LocalDate.parse(order.equals("A") ? "2024-05-02" : "2024-03-05"), "cust-" + order,
                    order, "Goa", "Panaji", "p-" + order, null, order.equals("C") ? "Books" : "Toys", "Blocks", 1, 10, 1, "UPI"));
        }
        delta.finish();
        RollupDelta.InKeyOrder sorted = delta.inKeyOrder();
        List<CubeKey> cube = sorted.cube().stream().map(java.util.Map.Entry::getKey).toList();
        assertEquals(delta.cube().size(), cube.size());
        for (int i = 1; i < cube.size(); i++) {
            CubeKey a = cube.get(i - 1), b = cube.get(i);
            // the primary key's columns, compared one after another as the database compares them
            int c = java.util.Comparator.comparingInt(CubeKey::dims).thenComparing(CubeKey::grain)
                    .thenComparing(CubeKey::category).thenComparing(CubeKey::subCategory).thenComparing(CubeKey::paymentMode)
                    .thenComparing(CubeKey::period).thenComparing(CubeKey::state).thenComparing(CubeKey::city).compare(a, b);
            org.junit.jupiter.api.Assertions.assertTrue(c < 0, a + " before " + b);
        }
        assertEquals(0, cube.getFirst().dims());
        assertEquals("d", cube.getFirst().grain());
        assertEquals(List.of("cust-A", "cust-B", "cust-C"), sorted.customers().stream().map(java.util.Map.Entry::getKey).toList());
        assertEquals(List.of("p-B", "p-C", "p-A"), sorted.products().stream().map(e -> e.getKey().productKey()).toList(),
                "by month, then product: B and C in March, A in May");
        assertEquals(List.of("cust-A", "cust-B", "cust-C"),
                sorted.customerMonths().stream().map(e -> e.getKey().customerKey()).toList());
    }

    @Test
    void ordersNearlyInIdOrderNeedNoSorting() {
        assertEquals(true, ordersOf(java.util.stream.IntStream.rangeClosed(1, 500).mapToObj(i -> "SO-" + i).toList())
                .ordersNearlyAscending(), "only SO-9 to SO-10 and SO-99 to SO-100 step back");
        List<String> descending = java.util.stream.IntStream.rangeClosed(1, 500).mapToObj(i -> "SO-%04d".formatted(501 - i))
                .toList();
        assertEquals(false, ordersOf(descending).ordersNearlyAscending());
        List<String> shuffled = new java.util.ArrayList<>(java.util.stream.IntStream.rangeClosed(1, 500)
                .mapToObj(i -> "SO-%04d".formatted(i)).toList());
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        assertEquals(false, ordersOf(shuffled).ordersNearlyAscending());
    }

    private static RollupDelta ordersOf(List<String> orderIds) {
        RollupDelta delta = new RollupDelta();
        orderIds.forEach(id -> delta.accept(line(id, "2024-03-05", "Books", "Novels", "UPI", 100)));
        delta.finish();
        return delta;
    }
}
