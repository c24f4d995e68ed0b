package io.storefront.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreGeneratorTest {

    static final int LINES = 40_000;
    @TempDir
    static Path dir;
    static List<String[]> flat;

    @BeforeAll
    static void generate() throws IOException {
        Main.run(Map.of("out", dir.resolve("a").toString(), "lines", String.valueOf(LINES), "seed", "7"));
        flat = read(dir.resolve("a/order-lines.csv"));
    }

    @Test
    void sameSeedWritesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        Main.run(Map.of("out", dir.resolve("b").toString(), "lines", String.valueOf(LINES), "seed", "7"));
        Main.run(Map.of("out", dir.resolve("c").toString(), "lines", String.valueOf(LINES), "seed", "8"));
        for (String file : List.of("order-lines.csv", "order.csv", "detail.csv", "products.csv", "reviews.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
        assertFalse(Files.mismatch(dir.resolve("a/order-lines.csv"), dir.resolve("c/order-lines.csv")) == -1);
    }

    @Test
    void writesExactlyTheRequestedLinesInBothFormats() throws IOException {
        assertEquals(LINES, flat.size());
        List<String[]> details = read(dir.resolve("a/detail.csv"));
        assertEquals(LINES, details.size());
        Set<String> orderIds = new HashSet<>();
        for (String[] o : read(dir.resolve("a/order.csv"))) {
            assertTrue(o[1].matches("\\d{2}-\\d{2}-\\d{4}"), "day-first date: " + o[1]);
            orderIds.add(o[0]);
        }
        for (String[] d : details) {
            assertTrue(orderIds.contains(d[0]), "detail joins an order: " + d[0]);
        }
        long flatCents = flat.stream().mapToLong(r -> cents(r[11])).sum();
        long detailCents = details.stream().mapToLong(r -> cents(r[1])).sum();
        assertEquals(flatCents, detailCents, "both formats describe the same sales");
    }

    @Test
    void ordersSpanTwoYearsWithAFestivePeak() {
        Map<Month, Long> revenueByMonth = new HashMap<>();
        LocalDate first = LocalDate.MAX;
        LocalDate last = LocalDate.MIN;
        for (String[] r : flat) {
            LocalDate day = LocalDate.parse(r[1]);
            first = day.isBefore(first) ? day : first;
            last = day.isAfter(last) ? day : last;
            revenueByMonth.merge(day.getMonth(), cents(r[11]), Long::sum);
        }
        assertTrue(first.plusMonths(23).isBefore(last), first + " .. " + last);
        assertTrue(revenueByMonth.get(Month.NOVEMBER) > 1.4 * revenueByMonth.get(Month.JUNE),
                "November should sell far more than June: " + revenueByMonth);
    }

    @Test
    void hasRepeatAndOneOffBuyersLossesAndAllPaymentModes() {
        Map<String, Set<String>> ordersByCustomer = new HashMap<>();
        Set<String> modes = new HashSet<>();
        long losses = 0;
        for (String[] r : flat) {
            ordersByCustomer.computeIfAbsent(r[2], k -> new HashSet<>()).add(r[0]);
            modes.add(r[13]);
            if (cents(r[12]) < 0) losses++;
        }
        long oneOff = ordersByCustomer.values().stream().filter(s -> s.size() == 1).count();
        long repeat = ordersByCustomer.values().stream().filter(s -> s.size() >= 5).count();
        assertTrue(oneOff > ordersByCustomer.size() / 5, "one-off buyers: " + oneOff);
        assertTrue(repeat > ordersByCustomer.size() / 10, "repeat buyers: " + repeat);
        assertEquals(Set.of("COD", "UPI", "Debit Card", "Credit Card", "EMI"), modes);
        assertTrue(losses > LINES / 100 && losses < LINES / 4, "loss-making lines: " + losses);
    }

    @Test
    void reviewRatingsAgreeWithTheirTextMostOfTheTime() throws IOException {
        List<String[]> reviews = read(dir.resolve("a/reviews.csv"));
        assertTrue(reviews.size() > LINES * 0.03, "reviews: " + reviews.size());
        int agree = 0;
        int judged = 0;
        for (String[] r : reviews) {
            int rating = Integer.parseInt(r[3]);
            String text = r[5].toLowerCase();
            boolean positive = text.matches(".*\\b(excellent|outstanding|superb|perfect|amazing|good|nice|solid|comfortable)\\b.*")
                    && !text.contains(" but ");
            boolean negative = text.matches(".*\\b(terrible|awful|useless|poor|waste|disappointing|flimsy|not good)\\b.*")
                    && !text.contains(" but ");
            if (rating != 3 && (positive ^ negative)) {
                judged++;
                if ((rating >= 4) == positive) agree++;
            }
        }
        double share = agree / (double) judged;
        assertTrue(share > 0.85 && share < 0.99, "agreement with noise: " + share);
    }

    @Test
    void productsHaveBelievableFields() throws IOException {
        List<String[]> products = read(dir.resolve("a/products.csv"));
        assertEquals(200, products.size());
        for (String[] p : products) {
            assertTrue(p[0].matches("P\\d{6}"));
            assertTrue(Double.parseDouble(p[4]) > 0);
            assertTrue(p[8].length() > 20, p[8]);
        }
    }

    @Test
    void rejectsSettingsThatCannotMakeAStore() {
        assertThrows(IllegalArgumentException.class,
                () -> new StoreGenerator.Settings(1, 10, 10, 200, LocalDate.of(2024, 1, 1), 12, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--lines"}));
    }

    @Test
    void csvQuotesFieldsThatNeedIt() {
        assertEquals("\"D'Souza, \"\"Jr\"\"\"", Csv.text(new StringBuilder(), "D'Souza, \"Jr\"").toString());
        assertEquals("-12.05", Csv.money(new StringBuilder(), -1205).toString());
        assertEquals("0.99", Csv.money(new StringBuilder(), 99).toString());
        DateTimeFormatter.ISO_LOCAL_DATE.parse("2023-01-01");
    }

    static long cents(String money) {
        return Math.round(Double.parseDouble(money) * 100);
    }

    /** A small CSV reader for the test, independent of the generator's writer. */
    static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else cur.append(c);
                } else if (c == '"') quoted = true;
                else if (c == ',') { fields.add(cur.toString()); cur.setLength(0); }
                else cur.append(c);
            }
            fields.add(cur.toString());
            rows.add(fields.toArray(String[]::new));
        }
        return rows;
    }
}
