package io.storefront.generator;

import java.io.IOException;
import java.io.Writer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Streams a synthetic store: orders day by day with seasonality, weekly rhythm and growth; loyal,
 * occasional and one-off customers; re-buys of a customer's favourite items; per-order payment
 * modes; discounts that make some lines loss-making; reviews whose text agrees with the rating.
 *
 * <p>Memory does not grow with the number of lines: customers and products are drawn from alias
 * tables, favourites are derived from a hash, and every row is written as soon as it is made.
 * The same settings give byte-identical output.
 */
public final class StoreGenerator {

    /** What to generate. {@code lines} is exact; the other sizes have defaults that scale with it. */
    public record Settings(long seed, long lines, int customers, int products, LocalDate start, int months,
                           double reviewRate) {
        public Settings {
            if (lines < 1) throw new IllegalArgumentException("lines must be at least 1");
            if (customers < 1) throw new IllegalArgumentException("customers must be at least 1");
            if (products < Catalog.SUB_CATEGORIES.size()) {
                throw new IllegalArgumentException("products must be at least " + Catalog.SUB_CATEGORIES.size());
            }
            if (months < 24) throw new IllegalArgumentException("months must be at least 24");
            if (reviewRate < 0 || reviewRate > 1) throw new IllegalArgumentException("reviewRate must be in [0, 1]");
        }

        public static Settings of(long seed, long lines) {
            int customers = (int) Math.min(2_000_000, Math.max(50, lines / 12));
            int products = (int) Math.min(50_000, Math.max(200, lines / 200));
            return new Settings(seed, lines, customers, products, LocalDate.of(2023, 1, 1), 24, 0.05);
        }
    }

    /** Where each kind of row goes; a null writer skips that output. */
    public record Outputs(Writer flat, Writer seedOrders, Writer seedDetails, Writer products, Writer reviews) {
    }

    public static final String FLAT_HEADER = "order_id,order_date,customer_id,customer_name,state,city,product_id,"
            + "product_name,category,sub_category,quantity,amount,profit,payment_mode\n";
    public static final String SEED_ORDER_HEADER = "order_id,order_date,customer_name,state,city\n";
    public static final String SEED_DETAIL_HEADER = "order_id,amount,profit,quantity,category,sub_category,payment_mode\n";
    public static final String PRODUCT_HEADER = "product_id,name,category,sub_category,price,brand,colour,in_stock,description\n";
    public static final String REVIEW_HEADER = "review_id,product_id,customer_id,rating,title,text,created_at\n";

    private static final String[] PAYMENT_MODES = {"COD", "UPI", "Debit Card", "Credit Card", "EMI"};
    private static final double[] PAYMENT_WEIGHTS = {0.34, 0.30, 0.14, 0.14, 0.08};
    /** Jan..Dec: festive peak in Oct-Nov (Diwali), year-end sales, a summer dip. */
    private static final double[] MONTH_WEIGHTS = {0.95, 0.85, 0.95, 0.9, 0.85, 0.8, 0.9, 1.0, 1.05, 1.35, 1.55, 1.25};
    private static final int FAVOURITES = 4;
    private static final int FLUSH_AT = 1 << 16;

    private final Settings settings;
    private final SplittableRandom random;
    private final Catalog catalog;
    private final Geography geography = new Geography();
    private final Alias customerActivity;
    private final Alias paymentModes = new Alias(PAYMENT_WEIGHTS);
    private final BitSet oneOffBuyers;
    private final BitSet hasOrdered;
    private final String[] customerNames;
    private final String[][] customerPlaces;

    public StoreGenerator(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.catalog = new Catalog(settings.products(), random.split());
        SplittableRandom people = random.split();
        double[] activity = new double[settings.customers()];
        oneOffBuyers = new BitSet(settings.customers());
        hasOrdered = new BitSet(settings.customers());
        customerNames = new String[settings.customers()];
        customerPlaces = new String[settings.customers()][];
        for (int c = 0; c < activity.length; c++) {
            customerNames[c] = Names.person(people);
            customerPlaces[c] = geography.pick(people);
            double tier = people.nextDouble();
            if (tier < 0.45) {
                oneOffBuyers.set(c);  // buys once, if ever
                activity[c] = 1;
            } else if (tier < 0.85) {
                activity[c] = 2 + people.nextDouble() * 4;   // occasional
            } else {
                activity[c] = 10 + people.nextDouble() * 30; // loyal
            }
        }
        customerActivity = new Alias(activity);
    }

    /** Writes everything; returns what was written. */
    public Summary generate(Outputs out) throws IOException {
        StringBuilder flat = new StringBuilder(FLAT_HEADER);
        StringBuilder orders = new StringBuilder(SEED_ORDER_HEADER);
        StringBuilder details = new StringBuilder(SEED_DETAIL_HEADER);
        StringBuilder reviews = new StringBuilder(REVIEW_HEADER);
        writeProducts(out.products());
        ReviewText reviewText = new ReviewText();

        LocalDate start = settings.start();
        LocalDate end = start.plusMonths(settings.months());
        int days = (int) ChronoUnit.DAYS.between(start, end);
        double[] dayWeight = new double[days];
        double total = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            double growth = 1 + 0.25 * d / 365.0;
            double weekday = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1.2 : 1.0;
            dayWeight[d] = MONTH_WEIGHTS[day.getMonthValue() - 1] * growth * weekday;
            total += dayWeight[d];
        }

        long written = 0;
        long orderCount = 0;
        long reviewCount = 0;
        long lossLines = 0;
        double cumulative = 0;
        SplittableRandom rng = random.split();
        for (int d = 0; d < days && written < settings.lines(); d++) {
            cumulative += dayWeight[d];
            long target = d == days - 1 ? settings.lines() : Math.round(settings.lines() * cumulative / total);
            LocalDate day = start.plusDays(d);
            String iso = day.toString();
            String dayFirst = day.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
            while (written < target) {
                orderCount++;
                String orderId = "SO-" + orderCount;
                int customer = pickCustomer(rng);
                String mode = PAYMENT_MODES[paymentModes.next(rng)];
                int lineCount = (int) Math.min(target - written, 1 + Math.min(5, (long) (-Math.log(1 - rng.nextDouble()) * 1.6)));
                String[] place = customerPlaces[customer];
                if (out.seedOrders() != null) {
                    orders.append(orderId).append(',').append(dayFirst).append(',');
                    Csv.text(orders, customerNames[customer]).append(',');
                    Csv.text(orders, place[0]).append(',');
                    Csv.text(orders, place[1]).append('\n');
                }
                int preferredCategory = Math.floorMod(hash(customer, 99), catalog.categoryCount());
                for (int l = 0; l < lineCount; l++) {
                    Catalog.Product product = pickProduct(rng, customer, preferredCategory);
                    int quantity = 1 + (rng.nextDouble() < 0.7 ? 0 : rng.nextInt(4));
                    double discount = rng.nextDouble() < 0.12 ? 0.1 + rng.nextDouble() * 0.35 : 0;
                    long amount = Math.round(product.priceCents() * quantity * (1 - discount));
                    long cost = Math.round(product.priceCents() * quantity * (1 - product.margin()));
                    long profit = amount - cost;
                    if (profit < 0) lossLines++;
                    if (out.flat() != null) {
                        flat.append(orderId).append(',').append(iso).append(',').append('C').append(customer + 1).append(',');
                        Csv.text(flat, customerNames[customer]).append(',');
                        Csv.text(flat, place[0]).append(',');
                        Csv.text(flat, place[1]).append(',').append(product.id()).append(',');
                        Csv.text(flat, product.name()).append(',');
                        Csv.text(flat, product.sub().category()).append(',');
                        Csv.text(flat, product.sub().name()).append(',').append(quantity).append(',');
                        Csv.money(flat, amount).append(',');
                        Csv.money(flat, profit).append(',').append(mode).append('\n');
                    }
                    if (out.seedDetails() != null) {
                        details.append(orderId).append(',');
                        Csv.money(details, amount).append(',');
                        Csv.money(details, profit).append(',').append(quantity).append(',');
                        Csv.text(details, product.sub().category()).append(',');
                        Csv.text(details, product.sub().name()).append(',').append(mode).append('\n');
                    }
                    if (out.reviews() != null && rng.nextDouble() < settings.reviewRate()) {
                        reviewCount++;
                        reviewText.write(reviews, rng, reviewCount, product, customer, day);
                    }
                }
                written += lineCount;
                flushIfFull(flat, out.flat(), false);
                flushIfFull(orders, out.seedOrders(), false);
                flushIfFull(details, out.seedDetails(), false);
                flushIfFull(reviews, out.reviews(), false);
            }
        }
        flushIfFull(flat, out.flat(), true);
        flushIfFull(orders, out.seedOrders(), true);
        flushIfFull(details, out.seedDetails(), true);
        flushIfFull(reviews, out.reviews(), true);
        return new Summary(written, orderCount, reviewCount, lossLines, hasOrdered.cardinality(), settings.products());
    }

    public record Summary(long lines, long orders, long reviews, long lossMakingLines, int activeCustomers, int products) {
    }

    private int pickCustomer(SplittableRandom rng) {
        int customer = customerActivity.next(rng);
        // a one-off buyer who already bought is replaced by the next customer who may still buy
        for (int tries = 0; tries < 8 && oneOffBuyers.get(customer) && hasOrdered.get(customer); tries++) {
            customer = customerActivity.next(rng);
        }
        hasOrdered.set(customer);
        return customer;
    }

    private Catalog.Product pickProduct(SplittableRandom rng, int customer, int preferredCategory) {
        double r = rng.nextDouble();
        if (r < 0.30) {
            // a re-buy of one of the customer's favourites: repeat purchases are a third of retail demand
            int favourite = Math.floorMod(hash(customer, rng.nextInt(FAVOURITES)), settings.products());
            return catalog.get(favourite);
        }
        if (r < 0.70) {
            return catalog.popularIn(preferredCategory, rng);
        }
        return catalog.popular(rng);
    }

    private void writeProducts(Writer writer) throws IOException {
        if (writer == null) return;
        StringBuilder out = new StringBuilder(PRODUCT_HEADER);
        for (Catalog.Product p : catalog.products()) {
            out.append(p.id()).append(',');
            Csv.text(out, p.name()).append(',');
            Csv.text(out, p.sub().category()).append(',');
            Csv.text(out, p.sub().name()).append(',');
            Csv.money(out, p.priceCents()).append(',');
            Csv.text(out, p.brand()).append(',');
            Csv.text(out, p.colour()).append(',').append(p.inStock()).append(',');
            Csv.text(out, p.description()).append('\n');
            flushIfFull(out, writer, false);
        }
        flushIfFull(out, writer, true);
    }

    private static void flushIfFull(StringBuilder buffer, Writer writer, boolean force) throws IOException {
        if (writer == null) {
            buffer.setLength(0);
            return;
        }
        if (force || buffer.length() >= FLUSH_AT) {
            writer.append(buffer);
            buffer.setLength(0);
        }
    }

    private static int hash(int a, int b) {
        long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 29));
    }
}
