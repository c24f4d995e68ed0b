package io.storefront.analytics.domain.customer;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import smile.clustering.CentroidClustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Behaviour clusters: Smile k-means on standardised RFM features (days since the last order,
 * log(1 + orders), log(1 + spend); the logs tame the long tails of frequency and spend). k is chosen
 * by the mean silhouette over 2..8 unless given. Fitting uses an evenly spaced sample of at most
 * {@value #SAMPLE} customers and silhouettes at most {@value #SILHOUETTE_SAMPLE} of those, so the cost is
 * bounded; every customer is then assigned to the nearest centre. Each cluster is described in words against the average customer.
 */
public final class BehaviourClusters {

    static final int SAMPLE = 2_000;
    static final int SILHOUETTE_SAMPLE = 1_000;
    public static final int MAX_K = 10;
    private static final int MAX_AUTO_K = 8;
    private static final long SEED = 20_000_402L;
    /** Below this many customers the assignment runs on the calling thread (splitting costs more than it saves). */
    private static final int PARALLEL_FROM = 100_000;

    public record Cluster(int id, int customers, double recencyDays, double orders, double revenueCents,
                          String label, String description) {
    }

    public record Result(int k, boolean chosenBySilhouette, double silhouette, Map<Integer, Double> silhouetteByK,
                         List<Cluster> clusters, int[] assignment) {
    }

    private BehaviourClusters() {
    }

    /** Clusters of {@code customers}; {@code k} null chooses it. Needs at least 3 customers and k ≤ customers - 1. */
    public static Result fit(List<Customer> customers, LocalDate asOf, Integer k, String currency) {
        int n = customers.size();
        long[] recency = new long[n], orders = new long[n], revenue = new long[n];
        for (int i = 0; i < n; i++) {
            recency[i] = customers.get(i).recencyDays(asOf);
            orders[i] = customers.get(i).orders();
            revenue[i] = customers.get(i).revenueCents();
        }
        return fit(recency, orders, revenue, k, currency);
    }

    /** As above with each customer's days since the last order, orders and spend in arrays (the snapshot has them). */
    public static Result fit(long[] recencyDays, long[] orderCounts, long[] revenueCents, Integer k, String currency) {
        return fit(features(recencyDays, orderCounts, revenueCents), recencyDays, orderCounts, revenueCents, k, currency);
    }

    /**
     * The standardised features of every customer as one flat array (x0, y0, z0, x1, ...): the same for
     * any k, so a snapshot computes them once (a million customers' logarithms take tens of milliseconds).
     */
    public static double[] features(long[] recencyDays, long[] orderCounts, long[] revenueCents) {
        int n = recencyDays.length;
        double[] z = new double[3 * n];
        for (int i = 0; i < n; i++) {
            z[3 * i] = recencyDays[i];
            z[3 * i + 1] = Math.log1p(orderCounts[i]);
            z[3 * i + 2] = Math.log1p(revenueCents[i] / 100.0);
        }
        double[] mean = new double[3], sd = new double[3];
        for (int i = 0; i < n; i++) for (int j = 0; j < 3; j++) mean[j] += z[3 * i + j] / n;
        for (int i = 0; i < n; i++) for (int j = 0; j < 3; j++) sd[j] += (z[3 * i + j] - mean[j]) * (z[3 * i + j] - mean[j]) / n;
        for (int j = 0; j < 3; j++) sd[j] = sd[j] == 0 ? 1 : Math.sqrt(sd[j]);
        for (int i = 0; i < n; i++) for (int j = 0; j < 3; j++) z[3 * i + j] = (z[3 * i + j] - mean[j]) / sd[j];
        return z;
    }

    /** As above with the {@link #features} of the customers given. */
    public static Result fit(double[] z, long[] recencyDays, long[] orderCounts, long[] revenueCents, Integer k,
                             String currency) {
        int n = recencyDays.length;
        int stride = Math.max(1, (int) Math.ceil(n / (double) SAMPLE));
        List<double[]> picked = new ArrayList<>();
        for (int i = 0; i < n; i += stride) picked.add(new double[] {z[3 * i], z[3 * i + 1], z[3 * i + 2]});
        double[][] sample = picked.toArray(double[][]::new);

        // silhouettes cost n² distances: scored on every other point of the sample (a thousand points
        // estimate the mean closely enough to compare k, at a quarter of the cost)
        int every = Math.max(1, (int) Math.ceil(sample.length / (double) SILHOUETTE_SAMPLE));
        double[][] scored = java.util.stream.IntStream.range(0, sample.length).filter(i -> i % every == 0)
                .mapToObj(i -> sample[i]).toArray(double[][]::new);
        Map<Integer, Double> silhouettes = new LinkedHashMap<>();
        double[][] centres;
        int chosen;
        if (k != null) {
            chosen = k;
            centres = kmeans(sample, k);
            silhouettes.put(k, silhouette(scored, centres));
        } else {
            chosen = 2;
            double best = Double.NEGATIVE_INFINITY;
            double[][] bestCentres = null;
            for (int candidate = 2; candidate <= Math.min(MAX_AUTO_K, sample.length - 1); candidate++) {
                double[][] c = kmeans(sample, candidate);
                double s = silhouette(scored, c);
                silhouettes.put(candidate, round(s));
                if (s > best + 1e-9) {
                    best = s;
                    chosen = candidate;
                    bestCentres = c;
                }
            }
            centres = bestCentres;
        }
        // every customer to its nearest centre (at a million customers most of a view's cost), then
        // exact integer sums per cluster
        int[] assignment = new int[n];
        assignNearest(z, centres, assignment);
        long[] size = new long[chosen], recencySum = new long[chosen], ordersSum = new long[chosen],
                revenueSum = new long[chosen];
        for (int i = 0; i < n; i++) {
            int c = assignment[i];
            size[c]++;
            recencySum[c] += recencyDays[i];
            ordersSum[c] += orderCounts[i];
            revenueSum[c] += revenueCents[i];
        }
        double allRecency = (double) Arrays.stream(recencySum).sum() / n;
        double allOrders = (double) Arrays.stream(ordersSum).sum() / n;
        double allRevenue = (double) Arrays.stream(revenueSum).sum() / n;
        List<Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < chosen; c++) {
            if (size[c] == 0) continue;
            double r = recencySum[c] / (double) size[c], f = ordersSum[c] / (double) size[c],
                    m = revenueSum[c] / (double) size[c];
            clusters.add(new Cluster(c, (int) size[c], r, f, m, label(r / allRecency, f / allOrders, m / allRevenue, f), null));
        }
        // most valuable first; renumber so that ids follow that order
        clusters.sort(Comparator.comparingDouble(Cluster::revenueCents).reversed());
        List<String> labels = distinctLabels(clusters, currency);
        int[] newId = new int[chosen];
        List<Cluster> ordered = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            Cluster c = clusters.get(i);
            newId[c.id()] = i;
            String description = "%s: %,d customers; last order %.0f days ago on average (all customers %.0f), "
                    .formatted(labels.get(i), c.customers(), c.recencyDays(), allRecency)
                    + "%.1f orders (all %.1f), %s %s spent (all %s %s)."
                    .formatted(c.orders(), allOrders, currency, money(c.revenueCents()), currency, money(allRevenue));
            ordered.add(new Cluster(i, c.customers(), c.recencyDays(), c.orders(), c.revenueCents(), labels.get(i),
                    description));
        }
        for (int i = 0; i < n; i++) assignment[i] = newId[assignment[i]];
        return new Result(chosen, k == null, silhouettes.get(chosen), silhouettes, ordered, assignment);
    }

    /**
     * {@code assignment[i]}: the nearest of {@code centres} to customer i's features, in slices on the
     * common pool's cores (a million customers take ~20 ms on one core at k = 10).
     */
    static void assignNearest(double[] z, double[][] centres, int[] assignment) {
        int n = assignment.length;
        int slices = n < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors();
        java.util.stream.IntStream.range(0, slices).parallel().forEach(slice ->
                assignNearest(z, centres, assignment, (int) ((long) n * slice / slices), (int) ((long) n * (slice + 1) / slices)));
    }

    /**
     * One slice. All of a customer's distances are computed before the smallest is picked: independent
     * of each other they overlap in the CPU, twice as fast as a running minimum.
     */
    private static void assignNearest(double[] z, double[][] centres, int[] assignment, int from, int to) {
        int k = centres.length;
        double[] cx = new double[k], cy = new double[k], cw = new double[k], distance = new double[k];
        for (int c = 0; c < k; c++) {
            cx[c] = centres[c][0];
            cy[c] = centres[c][1];
            cw[c] = centres[c][2];
        }
        for (int i = from; i < to; i++) {
            double x = z[3 * i], y = z[3 * i + 1], w = z[3 * i + 2];
            for (int c = 0; c < k; c++) {
                double dx = x - cx[c], dy = y - cy[c], dw = w - cw[c];
                distance[c] = dx * dx + dy * dy + dw * dw;
            }
            int best = 0;
            for (int c = 1; c < k; c++) if (distance[c] < distance[best]) best = c;
            assignment[i] = best;
        }
    }

    /** Words for a cluster from its ratios to the average customer. */
    static String label(double recencyRatio, double ordersRatio, double spendRatio, double orders) {
        List<String> words = new ArrayList<>();
        if (recencyRatio < 0.6) words.add("recent");
        else if (recencyRatio > 1.4) words.add("lapsed");
        if (orders < 1.3) words.add("one-time");
        else if (ordersRatio > 1.4) words.add("frequent");
        if (spendRatio > 1.4) words.add("high-spending");
        else if (spendRatio < 0.6) words.add("low-spending");
        if (words.isEmpty()) words.add("average");
        String joined = String.join(", ", words);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + " customers";
    }

    /**
     * The clusters' labels, made unique: with many clusters two can get the same words (two kinds of
     * recent, low-spending customers), and a chart legend or a reader cannot tell them apart. Those get
     * their mean spend added, or their mean days since the last order, or their rank.
     */
    static List<String> distinctLabels(List<Cluster> clusters, String currency) {
        Map<String, Long> uses = clusters.stream()
                .collect(java.util.stream.Collectors.groupingBy(Cluster::label, java.util.stream.Collectors.counting()));
        List<java.util.function.Function<Cluster, String>> qualifiers = List.of(
                c -> "%s %s spent".formatted(currency, money(c.revenueCents())),
                c -> "%.0f days since the last order".formatted(c.recencyDays()));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            Cluster c = clusters.get(i);
            if (uses.get(c.label()) == 1) {
                labels.add(c.label());
                continue;
            }
            List<Cluster> same = clusters.stream().filter(o -> o.label().equals(c.label())).toList();
            String qualifier = null;
            for (var q : qualifiers) {
                if (same.stream().map(q).distinct().count() == same.size()) {
                    qualifier = q.apply(c);
                    break;
                }
            }
            if (qualifier == null) qualifier = "group " + (same.indexOf(c) + 1) + " of " + same.size();
            labels.add(c.label() + " (" + qualifier + ")");
        }
        return labels;
    }

    private static double[][] kmeans(double[][] sample, int k) {
        MathEx.setSeed(SEED);
        CentroidClustering<double[], double[]> model = KMeans.fit(sample, k, 100);
        double[][] centres = new double[model.k()][];
        for (int i = 0; i < model.k(); i++) centres[i] = model.center(i);
        return centres;
    }

    /**
     * Mean silhouette of the sample's points against the given centres' partition. Each pair's distance
     * is computed once and counted for both points (the sample's n² / 2 distances are most of a cluster
     * view's cost).
     */
    static double silhouette(double[][] points, double[][] centres) {
        int n = points.length, k = centres.length, d = n == 0 ? 0 : points[0].length;
        int[] label = new int[n];
        int[] count = new int[k];
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            label[i] = nearest(points[i], centres);
            count[label[i]]++;
            System.arraycopy(points[i], 0, flat, i * d, d);
        }
        // sum[i * k + c]: the summed distance from point i to the points of cluster c
        double[] sum = new double[n * k];
        for (int i = 0; i < n; i++) {
            int li = label[i];
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int x = 0; x < d; x++) {
                    double diff = flat[i * d + x] - flat[j * d + x];
                    s += diff * diff;
                }
                double distance = Math.sqrt(s);
                sum[i * k + label[j]] += distance;
                sum[j * k + li] += distance;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            int own = label[i];
            if (count[own] <= 1) continue; // a point alone in its cluster scores 0
            double a = sum[i * k + own] / (count[own] - 1), b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) b = Math.min(b, sum[i * k + c] / count[c]);
            }
            if (b == Double.POSITIVE_INFINITY) continue;
            total += (b - a) / Math.max(a, b);
        }
        return total / n;
    }

    private static int nearest(double[] x, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = squared(x, centres[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static String money(double cents) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(Math.round(cents / 100));
    }
}
