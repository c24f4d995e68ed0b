package io.storefront.recommender.bench;

import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.eval.RetailData;
import io.storefront.recommender.domain.eval.TemporalSplit;
import io.storefront.recommender.domain.eval.TopKMetrics;
import io.storefront.recommender.domain.model.Scorer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Research: TIFU-KNN (Hu, He, Ji &amp; Zhang, "Modeling personalized item frequency information for
 * next-basket recommendation", SIGIR 2020) on the shared protocol. A customer is the time-decayed mean of
 * their baskets: baskets in groups of {@code groupSize}, decayed by {@code rb} within a group and by
 * {@code rg} across groups, the latest weighing most; the score is {@code alpha} × their own vector plus
 * {@code 1 − alpha} × the mean vector of their {@code neighbours} nearest customers (Euclidean, as in the
 * paper). Tuned on the validation split only, tested once.
 */
public final class TifuTuning {

    record Vectors(int[][] items, double[][] values, double[] squaredNorms) {
    }

    record Setting(int groupSize, double rb, double rg, int neighbours, double alpha, String distance,
                   int popularityDays, double popularityWeight, double propensitySlope) {
        Setting(int groupSize, double rb, double rg, int neighbours, double alpha, String distance,
                int popularityDays, double popularityWeight) {
            this(groupSize, rb, rg, neighbours, alpha, distance, popularityDays, popularityWeight, 0);
        }
    }

    /**
     * Research: how much of each customer's buying has been buying again — of the items in their baskets after the
     * first, the share they had bought before — minus the mean over customers (0 for one basket).
     */
    static double[] repeatPropensity(List<int[]>[] baskets) {
        double[] out = new double[baskets.length];
        double sum = 0;
        int counted = 0;
        for (int u = 0; u < baskets.length; u++) {
            Set<Integer> seen = new HashSet<>();
            long again = 0, all = 0;
            for (int b = 0; b < baskets[u].size(); b++) {
                for (int i : baskets[u].get(b)) {
                    if (b > 0) {
                        all++;
                        if (seen.contains(i)) again++;
                    }
                }
                for (int i : baskets[u].get(b)) seen.add(i);
            }
            out[u] = all == 0 ? Double.NaN : (double) again / all;
            if (all > 0) {
                sum += out[u];
                counted++;
            }
        }
        double mean = counted == 0 ? 0 : sum / counted;
        for (int u = 0; u < out.length; u++) out[u] = Double.isNaN(out[u]) ? 0 : out[u] - mean;
        return out;
    }

    /** Distinct customers per item over the {@code days} before the cut, the most bought item 1. */
    static double[] recentPopularity(List<RetailData.Line> lines, Interactions m, LocalDateTime cut, int days) {
        double[] pop = new double[m.items()];
        java.util.Set<String> seen = new java.util.HashSet<>();
        LocalDateTime from = cut.minusDays(days);
        for (RetailData.Line l : lines) {
            if (l.time().isBefore(from) || !l.time().isBefore(cut)) continue;
            Integer i = m.itemIndex(l.item());
            if (i != null && seen.add(l.customer() + "|" + l.item())) pop[i]++;
        }
        double max = Arrays.stream(pop).max().orElse(1);
        for (int i = 0; i < pop.length; i++) pop[i] /= Math.max(1, max);
        return pop;
    }

    /** Each training customer's baskets in time order, as the training matrix's item indices. */
    static List<int[]>[] baskets(List<RetailData.Line> lines, Interactions m, LocalDateTime cut) {
        Map<Integer, TreeMap<String, List<Integer>>> byUser = new HashMap<>();
        Map<String, LocalDateTime> basketTime = new HashMap<>();
        for (RetailData.Line l : lines) {
            if (!l.time().isBefore(cut)) continue;
            Integer u = m.userIndex(l.customer());
            Integer i = m.itemIndex(l.item());
            if (u == null || i == null) continue;
            // invoices sort by time then number, so that a customer's baskets are in order
            String key = l.time() + "|" + l.invoice();
            basketTime.putIfAbsent(key, l.time());
            byUser.computeIfAbsent(u, k -> new TreeMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        @SuppressWarnings("unchecked")
        List<int[]>[] out = new List[m.users()];
        for (int u = 0; u < m.users(); u++) {
            List<int[]> list = new ArrayList<>();
            TreeMap<String, List<Integer>> b = byUser.get(u);
            if (b != null) {
                for (List<Integer> items : b.values()) list.add(items.stream().mapToInt(Integer::intValue).distinct().toArray());
            }
            out[u] = list;
        }
        return out;
    }

    static Vectors vectors(List<int[]>[] baskets, int items, int groupSize, double rb, double rg) {
        int users = baskets.length;
        int[][] idx = new int[users][];
        double[][] val = new double[users][];
        double[] norms = new double[users];
        double[] dense = new double[items];
        for (int u = 0; u < users; u++) {
            List<int[]> b = baskets[u];
            int n = b.size();
            int groups = Math.max(1, (n + groupSize - 1) / groupSize);
            // the latest groups are full; the first may hold fewer baskets
            int firstSize = n - (groups - 1) * groupSize;
            int at = 0;
            for (int g = 0; g < groups; g++) {
                int size = g == 0 ? firstSize : groupSize;
                double groupWeight = Math.pow(rg, groups - 1 - g) / groups;
                for (int k = 0; k < size; k++, at++) {
                    double w = groupWeight * Math.pow(rb, size - 1 - k) / size;
                    for (int i : b.get(at)) dense[i] += w;
                }
            }
            int nz = 0;
            for (int[] basket : b) for (int i : basket) if (dense[i] != 0) nz++;
            int[] ii = new int[nz];
            double[] vv = new double[nz];
            int c = 0;
            for (int[] basket : b) {
                for (int i : basket) {
                    if (dense[i] == 0) continue;
                    ii[c] = i;
                    vv[c++] = dense[i];
                    norms[u] += dense[i] * dense[i];
                    dense[i] = 0;
                }
            }
            idx[u] = Arrays.copyOf(ii, c);
            val[u] = Arrays.copyOf(vv, c);
            if (Boolean.getBoolean("tifu.max")) {
                // research: each customer scaled to their strongest item instead of by their number of baskets
                double top = Arrays.stream(val[u]).max().orElse(1);
                norms[u] = 0;
                for (int x = 0; x < c; x++) {
                    val[u][x] /= top;
                    norms[u] += val[u][x] * val[u][x];
                }
            }
        }
        return new Vectors(idx, val, norms);
    }

    /** The nearest {@code k} other customers of each asked customer, nearest first. */
    static final class Neighbours {
        private final Vectors v;
        private final int[][] usersOfItem;
        private final double[][] valuesOfItem;
        private final String distance;
        private final int k;
        private final Map<Integer, int[]> cache = new HashMap<>();

        Neighbours(Vectors v, int items, int k, String distance) {
            this.v = v;
            this.k = k;
            this.distance = distance;
            int[] count = new int[items];
            for (int[] its : v.items()) for (int i : its) count[i]++;
            usersOfItem = new int[items][];
            valuesOfItem = new double[items][];
            for (int i = 0; i < items; i++) {
                usersOfItem[i] = new int[count[i]];
                valuesOfItem[i] = new double[count[i]];
            }
            int[] fill = new int[items];
            for (int u = 0; u < v.items().length; u++) {
                for (int c = 0; c < v.items()[u].length; c++) {
                    int i = v.items()[u][c];
                    usersOfItem[i][fill[i]] = u;
                    valuesOfItem[i][fill[i]++] = v.values()[u][c];
                }
            }
        }

        int[] of(int user) {
            return cache.computeIfAbsent(user, this::compute);
        }

        private int[] compute(int user) {
            int users = v.items().length;
            double[] dot = new double[users];
            int[] its = v.items()[user];
            double[] vals = v.values()[user];
            for (int c = 0; c < its.length; c++) {
                int[] us = usersOfItem[its[c]];
                double[] vs = valuesOfItem[its[c]];
                for (int x = 0; x < us.length; x++) dot[us[x]] += vals[c] * vs[x];
            }
            Integer[] order = new Integer[users - 1];
            double[] key = new double[users];
            int n = 0;
            for (int o = 0; o < users; o++) {
                if (o == user) continue;
                key[o] = distance.equals("cosine")
                        ? -dot[o] / Math.sqrt(Math.max(1e-12, v.squaredNorms()[user] * v.squaredNorms()[o]))
                        : v.squaredNorms()[user] + v.squaredNorms()[o] - 2 * dot[o];
                order[n++] = o;
            }
            Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b]));
            int[] out = new int[Math.min(k, order.length)];
            for (int x = 0; x < out.length; x++) out[x] = order[x];
            return out;
        }
    }

    static Scorer scorer(Vectors v, Neighbours near, int neighbours, double baseAlpha, double[] popularity, double popularityWeight,
                         double[] propensity, double slope) {
        return (user, scores) -> {
            double alpha = Math.max(0.05, Math.min(0.95, baseAlpha + slope * propensity[user]));
            for (int i = 0; i < scores.length; i++) scores[i] = popularityWeight * popularity[i];
            int[] nn = near.of(user);
            int k = Math.min(neighbours, nn.length);
            for (int x = 0; x < k; x++) {
                int o = nn[x];
                for (int c = 0; c < v.items()[o].length; c++) scores[v.items()[o][c]] += (1 - alpha) * v.values()[o][c] / k;
            }
            for (int c = 0; c < v.items()[user].length; c++) scores[v.items()[user][c]] += alpha * v.values()[user][c];
        };
    }

    static Map<Setting, TopKMetrics> grid(String variant, List<RetailData.Line> lines, TemporalSplit split, LocalDateTime cut,
                                          List<Setting> settings) {
        Interactions m = split.train();
        List<int[]>[] baskets = baskets(lines, m, cut);
        Map<Setting, TopKMetrics> out = new LinkedHashMap<>();
        Map<String, Vectors> vectors = new HashMap<>();
        Map<String, Neighbours> near = new HashMap<>();
        Map<Integer, double[]> popularity = new HashMap<>();
        int maxK = settings.stream().mapToInt(Setting::neighbours).max().orElse(1);
        double[] propensity = repeatPropensity(baskets);
        for (Setting s : settings) {
            String vKey = s.groupSize() + "/" + s.rb() + "/" + s.rg();
            Vectors v = vectors.computeIfAbsent(vKey, k -> vectors(baskets, m.items(), s.groupSize(), s.rb(), s.rg()));
            Neighbours n = near.computeIfAbsent(vKey + "/" + s.distance(), k -> new Neighbours(v, m.items(), maxK, s.distance()));
            double[] pop = popularity.computeIfAbsent(s.popularityDays(), d -> recentPopularity(lines, m, cut, d));
            out.put(s, RetailBenchmark.metrics(variant, scorer(v, n, s.neighbours(), s.alpha(), pop, s.popularityWeight(),
                    propensity, s.propensitySlope()), split));
        }
        return out;
    }

    public static void main(String[] args) {
        RetailBenchmark.Splits splits = RetailBenchmark.Splits.read(args[0]);
        List<RetailData.Line> lines = splits.lines();
        TemporalSplit val = splits.validation(), test = splits.test();
        LocalDateTime valCut = RetailBenchmark.VALIDATION_CUT, testCut = RetailBenchmark.TEST_CUT;
        String[] variants = args.length > 1 ? args[1].split(",") : new String[] {"repeat", "new"};
        for (String variant : variants) {
            List<Setting> settings = new ArrayList<>();
            boolean wide = Boolean.getBoolean("tifu.wide");
            boolean propensity = Boolean.getBoolean("tifu.propensity");
            if (Boolean.getBoolean("tifu.plain")) {
                // no groups and no decay: each item's share of the customer's baskets
                for (int k : propensity ? new int[] {100, 150, 200} : new int[] {50, 100, 150, 200, 300}) {
                    for (double a : variant.equals("new") ? new double[] {0.5} : new double[] {0.4, 0.5, 0.6, 0.7, 0.8}) {
                        // research: the own-items share moved by the customer's repeat propensity (-Dtifu.propensity=true)
                        for (double slope : propensity ? new double[] {0, 0.5, 1, 1.5, 2, 3} : new double[] {0}) {
                            settings.add(new Setting(Integer.MAX_VALUE / 2, 1.0, 1.0, k, a, "cosine", 30, 0, slope));
                        }
                    }
                }
            }
            for (int g : Boolean.getBoolean("tifu.plain") ? new int[0] : wide ? new int[] {3, 7, 20} : new int[] {7, 20}) {
                for (double rb : new double[] {0.9, 1.0}) {
                    for (double rg : wide ? new double[] {0.5, 0.7, 0.9, 1.0} : new double[] {0.5, 1.0}) {
                        for (int k : wide ? new int[] {50, 150, 300, 600} : new int[] {100, 200}) {
                            for (double a : variant.equals("new") ? new double[] {0.5} : wide ? new double[] {0.6, 0.8, 0.9, 0.95}
                                    : new double[] {0.5, 0.6, 0.7}) {
                                for (String d : wide ? new String[] {"euclidean", "cosine"} : new String[] {"cosine"}) {
                                    for (int days : new int[] {30, 90}) {
                                        for (double w : wide ? new double[] {0} : new double[] {0, 0.003, 0.01, 0.03, 0.1}) {
                                            if (w == 0 && days != 30) continue;
                                            settings.add(new Setting(g, rb, rg, k, a, d, days, w));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            long started = System.nanoTime();
            Map<Setting, TopKMetrics> results = grid(variant, lines, val, valCut, settings);
            Setting best = null;
            for (var e : results.entrySet()) {
                if (best == null || e.getValue().ndcg() > results.get(best).ndcg()) best = e.getKey();
            }
            System.out.printf("%s: %d settings on validation in %.0f s; best %s NDCG %.4f%n", variant, settings.size(),
                    (System.nanoTime() - started) / 1e9, best, results.get(best).ndcg());
            results.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue().ndcg(), a.getValue().ndcg())).limit(8)
                    .forEach(e -> System.out.printf("  %s %.4f%n", e.getKey(), e.getValue().ndcg()));
            TopKMetrics t = grid(variant, lines, test, testCut, List.of(best)).get(best);
            System.out.printf("%s test once: users %d HR %.3f P %.3f R %.3f NDCG %.3f MAP %.3f coverage %.3f%n", variant,
                    t.users(), t.hr(), t.precision(), t.recall(), t.ndcg(), t.map(), t.coverage());
        }
    }
}
