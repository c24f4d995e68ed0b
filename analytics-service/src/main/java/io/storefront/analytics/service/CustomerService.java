package io.storefront.analytics.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.analytics.chart.ChartFormat;
import io.storefront.analytics.chart.CustomerCharts;
import io.storefront.analytics.chart.RenderedChart;
import io.storefront.analytics.chart.ViewCharts;
import io.storefront.analytics.config.AnalyticsConfig;
import io.storefront.analytics.domain.customer.BehaviourClusters;
import io.storefront.analytics.domain.customer.Cohorts;
import io.storefront.analytics.domain.customer.Customer;
import io.storefront.analytics.domain.customer.PurchaseFrequency;
import io.storefront.analytics.domain.customer.Rfm;
import io.storefront.analytics.domain.customer.ValueSegments;
import io.storefront.analytics.repository.CustomerRepository;
import io.storefront.analytics.repository.CustomerRepository.CategorySpend;
import io.storefront.analytics.repository.CustomerRepository.MonthActivity;
import io.storefront.analytics.repository.CustomerRepository.RecentOrder;
import io.storefront.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The customer views. Each reads one snapshot of the per-customer rollup per (data version, state)
 * and computes in memory; results and charts are cached like the sales views. Recency is measured
 * from the last day with orders in the store, not from today, so an old data set still segments.
 */
@ApplicationScoped
public class CustomerService {

    public static final int MAX_COHORT_MONTHS = 36;

    /**
     * The customers of a data version (and state), sorted by key, with what every view needs precomputed
     * once, in flat arrays in the same order: a view's pass over a million customers reads those instead
     * of chasing a million objects (segments for new thresholds: 52 ms at 1M customers before). The
     * store's snapshot also lists each state's customers by position, so that a state's is picked
     * without touching the others (filtering a million customers by state took ~100 ms).
     */
    public record Snapshot(String state, LocalDate asOf, List<Customer> customers, Rfm.Score[] scores,
                           long[] recencyDays, long[] orders, long[] revenueCents, long[] sortedSpend,
                           double[] clusterFeatures, Map<String, int[]> positionsByState) {
    }

    public record Group(String name, long customers, long orders, long revenueCents, double customerShare,
                        double revenueShare, double meanRecencyDays, double meanOrders, double meanRevenueCents) {
    }

    public record Segments(Snapshot of, ValueSegments.Thresholds thresholds, List<Group> segments, long revenueCents,
                           List<RenderedChart> charts) {
    }

    public record RfmView(Snapshot of, List<Group> segments, long[][] recencyByFrequency, List<RenderedChart> charts) {
    }

    public record Clusters(Snapshot of, BehaviourClusters.Result result, List<RenderedChart> charts) {
    }

    public record Frequency(Snapshot of, PurchaseFrequency.Result result, List<RenderedChart> charts) {
    }

    public record CohortView(String state, LocalDate lastMonth, Cohorts.Matrix matrix, List<RenderedChart> charts) {
    }

    public record Profile(Customer customer, LocalDate asOf, Rfm.Score rfm, String valueSegment,
                          List<MonthActivity> months, List<CategorySpend> topSubCategories, List<RecentOrder> recentOrders) {
    }

    private final CustomerRepository customers;
    private final SalesService sales;
    private final AnalyticsConfig config;
    private final ViewCache<ViewKey, Object> cache;

    public CustomerService(CustomerRepository customers, SalesService sales, AnalyticsConfig config,
                           MeterRegistry registry) {
        this.customers = customers;
        this.sales = sales;
        this.config = config;
        this.cache = new ViewCache<>(config.viewCacheEntries(), ViewCacheMetrics.lookups(registry, "customers"));
    }

    /** Low / Medium / High value segments; {@code low}/{@code high} in cents for fixed thresholds, else terciles. */
    public Uni<Segments> segments(long version, String state, Long low, Long high, ChartFormat format) {
        return cache.getOrCompute(new ViewKey(version, "segments", List.of(String.valueOf(state), String.valueOf(low),
                String.valueOf(high)), format), () -> snapshot(version, state).chain(s -> compute(() -> {
            ValueSegments.Thresholds t = low == null ? ValueSegments.quantiles(s.sortedSpend())
                    : new ValueSegments.Thresholds("fixed", low, high);
            int[] segmentOf = new int[s.customers().size()];
            for (int i = 0; i < segmentOf.length; i++) {
                segmentOf[i] = ValueSegments.segmentOf(s.revenueCents()[i], t);
            }
            List<Group> groups = groups(ValueSegments.NAMES, segmentOf, s);
            long revenue = groups.stream().mapToLong(Group::revenueCents).sum();
            List<RenderedChart> charts = format == ChartFormat.NONE ? List.of() : List.of(
                    CustomerCharts.bars("value-segments", "Customers by value segment", "customers",
                            ValueSegments.NAMES, groups.stream().map(Group::customers).toList(), format),
                    ViewCharts.donut("value-segments-revenue", "Revenue by value segment", ValueSegments.NAMES,
                            groups.stream().map(g -> g.revenueCents() / 100.0).toList(), "revenue by value segment", format));
            return new Segments(s, t, groups, revenue, charts);
        })));
    }

    /** RFM segments, the R × F score grid and the recency/spend scatter. */
    public Uni<RfmView> rfm(long version, String state, ChartFormat format) {
        return cache.getOrCompute(new ViewKey(version, "rfm", String.valueOf(state), format), () -> snapshot(version, state)
                .chain(s -> compute(() -> {
                    long[][] grid = new long[5][5];
                    int[] segmentOf = new int[s.customers().size()];
                    for (int i = 0; i < segmentOf.length; i++) {
                        Rfm.Score score = s.scores()[i];
                        grid[score.recency() - 1][score.frequency() - 1]++;
                        segmentOf[i] = Rfm.SEGMENTS.indexOf(score.segment());
                    }
                    List<Group> groups = groups(Rfm.SEGMENTS, segmentOf, s);
                    List<RenderedChart> charts = format == ChartFormat.NONE ? List.of() : List.of(
                            ViewCharts.ranking("rfm-segments", "Customers by RFM segment",
                                    groups.stream().filter(g -> g.customers() > 0).map(Group::name).toList(),
                                    groups.stream().filter(g -> g.customers() > 0).map(g -> (double) g.customers()).toList(),
                                    "customers", format),
                            scatter("rfm-scatter", "RFM segments", s, segmentOf, Rfm.SEGMENTS, format));
                    return new RfmView(s, groups, grid, charts);
                })));
    }

    /** Behaviour clusters; {@code k} null chooses k by silhouette. */
    public Uni<Clusters> clusters(long version, String state, Integer k, ChartFormat format) {
        return cache.getOrCompute(new ViewKey(version, "clusters", List.of(String.valueOf(state), String.valueOf(k)), format), () ->
                snapshot(version, state).chain(s -> compute(() -> {
                    if (s.customers().size() < 3) {
                        throw ProblemException.invalid("state", "clustering needs at least 3 customers; the selection has "
                                + s.customers().size());
                    }
                    if (k != null && k >= s.customers().size()) {
                        throw ProblemException.invalid("k", "must be below the number of customers ("
                                + s.customers().size() + ")");
                    }
                    BehaviourClusters.Result r = BehaviourClusters.fit(s.clusterFeatures(), s.recencyDays(), s.orders(),
                            s.revenueCents(), k, config.currency());
                    List<RenderedChart> charts = format == ChartFormat.NONE ? List.of() : List.of(
                            scatter("clusters", "Behaviour clusters", s, r.assignment(),
                                    r.clusters().stream().map(BehaviourClusters.Cluster::label).toList(), format));
                    return new Clusters(s, r, charts);
                })));
    }

    public Uni<Frequency> frequency(long version, String state, ChartFormat format) {
        return cache.getOrCompute(new ViewKey(version, "frequency", String.valueOf(state), format), () ->
                snapshot(version, state).chain(s -> compute(() -> {
                    PurchaseFrequency.Result r = PurchaseFrequency.of(s.customers());
                    List<RenderedChart> charts = format == ChartFormat.NONE ? List.of() : List.of(
                            CustomerCharts.bars("orders-per-customer", "Orders per customer", "customers",
                                    r.ordersPerCustomer().stream().map(PurchaseFrequency.Bin::label).toList(),
                                    r.ordersPerCustomer().stream().map(PurchaseFrequency.Bin::customers).toList(), format),
                            CustomerCharts.bars("days-between-orders", "Mean days between a customer's orders",
                                    "customers", r.daysBetweenOrders().stream().map(PurchaseFrequency.Bin::label).toList(),
                                    r.daysBetweenOrders().stream().map(PurchaseFrequency.Bin::customers).toList(), format),
                            CustomerCharts.bars("spend-per-customer", "Spend per customer (" + config.currency() + ")",
                                    "customers", r.spendPerCustomer().stream().map(PurchaseFrequency.Bin::label).toList(),
                                    r.spendPerCustomer().stream().map(PurchaseFrequency.Bin::customers).toList(), format));
                    return new Frequency(s, r, charts);
                })));
    }

    /** Retention of the last {@code months} monthly cohorts. */
    public Uni<CohortView> cohorts(long version, String state, int months, ChartFormat format) {
        if (months < 1 || months > MAX_COHORT_MONTHS) {
            throw ProblemException.invalid("months", "must be between 1 and " + MAX_COHORT_MONTHS);
        }
        return cache.getOrCompute(new ViewKey(version, "cohorts", List.of(String.valueOf(state), months), format), () ->
                Uni.combine().all().unis(checkedState(version, state), cohortCells(version, state)).asTuple()
                        .chain(t -> compute(() -> {
                            LocalDate last = t.getItem1().withDayOfMonth(1);
                            Cohorts.Matrix m = Cohorts.of(t.getItem2(), last, months);
                            List<RenderedChart> charts = format == ChartFormat.NONE ? List.of() : List.of(
                                    CustomerCharts.heatmap("cohorts", "Monthly cohort retention (%)",
                                            m.cohorts().stream().map(d -> ViewCharts.label(d, true)).toList(),
                                            m.cohorts().isEmpty() ? 0 : m.active()[0].length, m.retentionPercent(), format));
                            return new CohortView(state, last, m, charts);
                        })));
    }

    /** One customer: figures, RFM scores and segment, months, favourite sub-categories, latest orders. */
    public Uni<Profile> profile(long version, String key) {
        return customers.find(key).chain(found -> {
            Customer c = found.orElseThrow(() -> ProblemException.notFound("No customer " + key));
            return Uni.combine().all().unis(snapshot(version, null), customers.months(key),
                            customers.topSubCategories(key, 10), customers.recentOrders(key, 10)).asTuple()
                    .map(t -> {
                        Snapshot s = t.getItem1();
                        int i = indexOf(s.customers(), key);
                        Rfm.Score score = i < 0 ? null : s.scores()[i];
                        String value = ValueSegments.NAMES.get(ValueSegments.segmentOf(c.revenueCents(),
                                ValueSegments.quantiles(s.sortedSpend())));
                        return new Profile(c, s.asOf(), score, value, t.getItem2(), t.getItem3(), t.getItem4());
                    });
        });
    }

    /** Active customers per cohort and month at {@code version}, read once per version and state. */
    /** The cohort cells of a state, or of the store (every state's summed). */
    private Uni<List<Cohorts.Cell>> cohortCells(long version, String state) {
        return cache.getOrCompute(new ViewKey(version, "cohort-cells", "by state", ChartFormat.NONE),
                customers::cohortCellsByState).map(byState -> {
            if (state != null) return byState.getOrDefault(state, List.of());
            Map<List<LocalDate>, long[]> sums = new HashMap<>();
            byState.values().forEach(cells -> cells.forEach(c -> {
                long[] sum = sums.computeIfAbsent(List.of(c.cohort(), c.month()), k -> new long[2]);
                sum[0] += c.customers();
                sum[1] += c.revenueCents();
            }));
            List<Cohorts.Cell> store = new ArrayList<>(sums.size());
            sums.forEach((k, v) -> store.add(new Cohorts.Cell(k.get(0), k.get(1), v[0], v[1])));
            return store;
        });
    }

    /**
     * Reads what every customer view needs at {@code version} and computes the views with their default
     * parameters (as a dashboard first shows them), so that they answer from the cache after an import.
     * Their cost grows with the number of customers (a second or so for a million).
     */
    public Uni<Void> warm(long version) {
        return Uni.combine().all().unis(snapshot(version, null), cohortCells(version, null)).discardItems()
                .chain(() -> segments(version, null, null, null, ChartFormat.PNG))
                .chain(() -> rfm(version, null, ChartFormat.PNG))
                .chain(() -> frequency(version, null, ChartFormat.PNG))
                .chain(() -> cohorts(version, null, 12, ChartFormat.PNG))
                .chain(() -> clusters(version, null, null, ChartFormat.PNG))
                .replaceWithVoid();
    }

    /**
     * The customers of a data version, read once and kept; a state's are picked from them in memory (a
     * state's first view at a million customers took 0.3 s reading them from the database).
     */
    private Uni<Snapshot> snapshot(long version, String state) {
        return cache.getOrCompute(new ViewKey(version, "snapshot", String.valueOf(state), ChartFormat.NONE), () ->
                state == null
                        ? Uni.combine().all().unis(checkedState(version, null), customers.all()).asTuple()
                                .emitOn(Infrastructure.getDefaultWorkerPool())
                                .map(t -> {
                                    // Java's key order, whatever the database collation, for the binary search in profile()
                                    List<Customer> byKey = new ArrayList<>(t.getItem2());
                                    byKey.sort(java.util.Comparator.comparing(Customer::key));
                                    return snapshot(null, t.getItem1(), byKey);
                                })
                        : checkedState(version, state).chain(() -> snapshot(version, null))
                                .emitOn(Infrastructure.getDefaultWorkerPool())
                                .map(all -> stateSnapshot(all, state)));
    }

    private static Snapshot snapshot(String state, LocalDate asOf, List<Customer> byKey) {
        int n = byKey.size();
        long[] recency = new long[n], orders = new long[n], revenue = new long[n];
        Map<String, Integer> perState = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Customer c = byKey.get(i);
            recency[i] = c.recencyDays(asOf);
            orders[i] = c.orders();
            revenue[i] = c.revenueCents();
            perState.merge(c.state(), 1, Integer::sum);
        }
        Map<String, int[]> positions = new HashMap<>();
        Map<String, int[]> filled = new HashMap<>();
        perState.forEach((name, count) -> {
            positions.put(name, new int[count]);
            filled.put(name, new int[1]);
        });
        for (int i = 0; i < n; i++) {
            String name = byKey.get(i).state();
            positions.get(name)[filled.get(name)[0]++] = i;
        }
        return snapshot(state, asOf, byKey, recency, orders, revenue, positions);
    }

    /** A state's customers picked from the store's snapshot by position, their figures copied, not recomputed. */
    private static Snapshot stateSnapshot(Snapshot all, String state) {
        int[] at = all.positionsByState().getOrDefault(state, new int[0]);
        int n = at.length;
        List<Customer> byKey = new ArrayList<>(n);
        long[] recency = new long[n], orders = new long[n], revenue = new long[n];
        for (int i = 0; i < n; i++) {
            byKey.add(all.customers().get(at[i]));
            recency[i] = all.recencyDays()[at[i]];
            orders[i] = all.orders()[at[i]];
            revenue[i] = all.revenueCents()[at[i]];
        }
        return snapshot(state, all.asOf(), byKey, recency, orders, revenue, Map.of());
    }

    private static Snapshot snapshot(String state, LocalDate asOf, List<Customer> byKey, long[] recency, long[] orders,
                                     long[] revenue, Map<String, int[]> positionsByState) {
        long[] sortedSpend = revenue.clone();
        java.util.Arrays.sort(sortedSpend);
        return new Snapshot(state, asOf, byKey, Rfm.score(recency, orders, revenue), recency, orders, revenue,
                sortedSpend, BehaviourClusters.features(recency, orders, revenue), positionsByState);
    }

    /** The last day with orders; a state must occur in the data. */
    private Uni<LocalDate> checkedState(long version, String state) {
        return sales.dimensions(version).map(d -> {
            if (state != null && !d.citiesByState().containsKey(state)) {
                throw ProblemException.invalid("state", "no state '" + state + "' in the imported data");
            }
            return d.range().map(r -> r.to()).orElse(LocalDate.now());
        });
    }

    /** Figures of each named group, {@code groupOf[i]} naming customer i's; one pass over the snapshot. */
    private static List<Group> groups(List<String> names, int[] groupOf, Snapshot s) {
        int k = names.size();
        long[] count = new long[k], orders = new long[k], revenue = new long[k];
        double[] recency = new double[k];
        long totalRevenue = 0;
        for (int i = 0; i < groupOf.length; i++) {
            int g = groupOf[i];
            count[g]++;
            orders[g] += s.orders()[i];
            revenue[g] += s.revenueCents()[i];
            recency[g] += s.recencyDays()[i];
            totalRevenue += s.revenueCents()[i];
        }
        int all = groupOf.length;
        List<Group> groups = new ArrayList<>(k);
        for (int g = 0; g < k; g++) {
            long n = count[g];
            groups.add(new Group(names.get(g), n, orders[g], revenue[g], all == 0 ? 0 : round((double) n / all),
                    totalRevenue == 0 ? 0 : round((double) revenue[g] / totalRevenue), n == 0 ? 0 : round(recency[g] / n),
                    n == 0 ? 0 : round((double) orders[g] / n), n == 0 ? 0 : (double) revenue[g] / n));
        }
        return groups;
    }

    private RenderedChart scatter(String name, String title, Snapshot s, int[] group, List<String> names,
                                  ChartFormat format) {
        return CustomerCharts.scatter(name, title, s.recencyDays(), s.revenueCents(), group, names, config.currency(), format);
    }

    private static int indexOf(List<Customer> sortedByKey, String key) {
        int lo = 0, hi = sortedByKey.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = sortedByKey.get(mid).key().compareTo(key);
            if (cmp == 0) return mid;
            if (cmp < 0) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** Computes on a worker thread: clustering and drawing are CPU-bound. */
    private static <T> Uni<T> compute(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

}
