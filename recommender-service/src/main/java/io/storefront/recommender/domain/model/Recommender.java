package io.storefront.recommender.domain.model;

import io.storefront.recommender.domain.eval.Interactions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hybrid model that answers every recommendation: four candidate sources blended per item
 * (co-purchase neighbours of the user's items, TF-IDF similarity to the user's taste, the user's own
 * re-buys, recent popularity), each scaled to its maximum for the request, then a preference boost,
 * a sentiment adjustment, filters and MMR diversity. Immutable once built; safe to share between threads.
 */
public final class Recommender implements Scorer {

    /** How the sources are blended and the answers shaped; tuned on a validation split (see BENCHMARKS.md). */
    public record Settings(int neighbours, double collaborativeWeight, double contentWeight, double repeatWeight,
                           double popularityWeight, double recencyHalfLifeDays, double popularityHalfLifeDays,
                           double preferenceBoost, double sentimentWeight, int sentimentPriorReviews,
                           double diversity) {

        public static final Settings DEFAULT = new Settings(50, 1.0, 0.3, 1.0, 0.1, 365, 90, 0.5, 0.2, 5, 0.15);

        public Settings withWeights(double collaborative, double content, double repeat, double popularity) {
            return new Settings(neighbours, collaborative, content, repeat, popularity, recencyHalfLifeDays,
                    popularityHalfLifeDays, preferenceBoost, sentimentWeight, sentimentPriorReviews, diversity);
        }

        public Settings withRecencyHalfLife(double days) {
            return new Settings(neighbours, collaborativeWeight, contentWeight, repeatWeight, popularityWeight, days,
                    popularityHalfLifeDays, preferenceBoost, sentimentWeight, sentimentPriorReviews, diversity);
        }
    }

    /** A catalogue item as the model needs it. */
    public record Item(String id, String name, String description, String category, String subCategory,
                       double price, boolean inStock) {
    }

    /** What reviewers say of an item: mean polarity in [-1, 1] and the share of positive reviews. */
    public record Sentiment(int reviews, double meanPolarity, double positiveShare) {
    }

    /** A user's explicit wishes: categories (or sub-categories) they like and a price range (null = open). */
    public record Preferences(Set<String> categories, Double minPrice, Double maxPrice) {
        public static final Preferences NONE = new Preferences(Set.of(), null, null);

        boolean likes(Item item) {
            for (String c : categories) {
                if (c.equalsIgnoreCase(item.category()) || c.equalsIgnoreCase(item.subCategory())) return true;
            }
            return false;
        }

        boolean affords(Item item) {
            return (minPrice == null || item.price() >= minPrice) && (maxPrice == null || item.price() <= maxPrice);
        }
    }

    /** Which items may be answered: a category or sub-category, ids to leave out, bought ones, out of stock. */
    public record Filter(String category, Set<String> exclude, boolean excludeBought, boolean inStockOnly) {
        public static final Filter NONE = new Filter(null, Set.of(), false, false);
    }

    /** One recommended item with the reasons for it, strongest first. */
    public record Recommendation(Item item, double score, List<String> reasons) {
    }

    /** An answer and what it was based on: "history", "preferences" or "popularity" (for a user without either). */
    public record Answer(String basis, List<Recommendation> items) {
    }

    private enum Source { COLLABORATIVE, CONTENT, REPEAT, POPULARITY }

    private final Interactions m;
    private final List<Item> items;
    private final Map<String, Preferences> preferences;
    private final Settings settings;
    private final LocalDateTime now;
    private final CoPurchase coPurchase;
    private final ContentIndex content;
    private final double[] popularity;
    private final double maxPopularity;
    private final double[] sentimentFactor;
    private final Sentiment[] sentiment;

    /**
     * {@code items} are indexed as {@code m} numbers them ({@code items.get(i)} is {@code m.itemId(i)});
     * {@code now} is when "recent" is measured from.
     */
    public Recommender(Interactions m, List<Item> items, Map<String, Sentiment> sentiment,
                       Map<String, Preferences> preferences, Settings settings, LocalDateTime now) {
        if (items.size() != m.items()) throw new IllegalArgumentException("one item per matrix column is needed");
        this.m = m;
        this.items = List.copyOf(items);
        this.preferences = Map.copyOf(preferences);
        this.settings = settings;
        this.now = now;
        this.coPurchase = new CoPurchase(m, settings.neighbours());
        List<String> texts = new ArrayList<>(items.size());
        for (Item item : items) {
            texts.add(ContentIndex.itemText(item.name(), item.description(), item.category(), item.subCategory()));
        }
        this.content = new ContentIndex(texts);
        this.popularity = new double[m.items()];
        for (int u = 0; u < m.users(); u++) {
            int[] its = m.itemsOf(u);
            LocalDateTime[] last = m.lastBoughtOf(u);
            for (int k = 0; k < its.length; k++) popularity[its[k]] += decay(last[k], settings.popularityHalfLifeDays());
        }
        double max = 0;
        for (double p : popularity) max = Math.max(max, p);
        this.maxPopularity = max;
        this.sentiment = new Sentiment[m.items()];
        this.sentimentFactor = new double[m.items()];
        for (int i = 0; i < m.items(); i++) {
            Sentiment s = sentiment.get(m.itemId(i));
            this.sentiment[i] = s;
            // shrunk towards neutral when there are few reviews, so one review cannot move an item much
            double shrink = s == null ? 0 : (double) s.reviews() / (s.reviews() + settings.sentimentPriorReviews());
            this.sentimentFactor[i] = 1 + settings.sentimentWeight() * (s == null ? 0 : s.meanPolarity() * shrink);
        }
    }

    private double decay(LocalDateTime at, double halfLifeDays) {
        double days = Math.max(0, Duration.between(at, now).toHours() / 24.0);
        return Math.pow(0.5, days / halfLifeDays);
    }

    // ---- the blended score (also the Scorer the offline evaluation reads) -------------------------

    @Override
    public void score(int user, double[] scores) {
        double[][] parts = sources(user, preferencesOf(user));
        blend(parts, scores);
    }

    private Preferences preferencesOf(int user) {
        return user < 0 ? Preferences.NONE : preferences.getOrDefault(m.userId(user), Preferences.NONE);
    }

    /** Each source's scores for every item, scaled to [0, 1]; {@code user} −1 for someone without history. */
    private double[][] sources(int user, Preferences prefs) {
        int n = m.items();
        double[][] parts = new double[Source.values().length][];
        double[] pop = new double[n];
        if (maxPopularity > 0) for (int j = 0; j < n; j++) pop[j] = popularity[j] / maxPopularity;
        parts[Source.POPULARITY.ordinal()] = pop;
        double[] cf = new double[n];
        double[] repeat = new double[n];
        double[] taste = new double[n];
        int[] its = user < 0 ? new int[0] : m.itemsOf(user);
        double[] weights = ownWeights(user);
        for (int k = 0; k < its.length; k++) {
            coPurchase.spread(its[k], weights[k], cf);
            repeat[its[k]] = weights[k];
        }
        List<String> liked = List.copyOf(prefs.categories());
        if (its.length > 0 || !liked.isEmpty()) {
            content.score(content.profile(its, weights, liked, 1.0), 1, taste);
        }
        parts[Source.COLLABORATIVE.ordinal()] = scaled(cf);
        parts[Source.REPEAT.ordinal()] = scaled(repeat);
        parts[Source.CONTENT.ordinal()] = scaled(taste);
        return parts;
    }

    /** How much each of the user's own items says about them: log of how often, decayed by how long ago. */
    private double[] ownWeights(int user) {
        if (user < 0) return new double[0];
        double[] strength = m.strengthsOf(user);
        LocalDateTime[] last = m.lastBoughtOf(user);
        double[] w = new double[strength.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.log1p(strength[k]) + decay(last[k], settings.recencyHalfLifeDays());
        }
        return w;
    }

    private static double[] scaled(double[] xs) {
        double max = 0;
        for (double x : xs) max = Math.max(max, x);
        if (max > 0) for (int j = 0; j < xs.length; j++) xs[j] /= max;
        return xs;
    }

    private void blend(double[][] parts, double[] out) {
        double[] w = weights();
        for (int j = 0; j < out.length; j++) {
            double s = 0;
            for (int p = 0; p < parts.length; p++) s += w[p] * parts[p][j];
            out[j] = s;
        }
    }

    private double[] weights() {
        double[] w = new double[Source.values().length];
        w[Source.COLLABORATIVE.ordinal()] = settings.collaborativeWeight();
        w[Source.CONTENT.ordinal()] = settings.contentWeight();
        w[Source.REPEAT.ordinal()] = settings.repeatWeight();
        w[Source.POPULARITY.ordinal()] = settings.popularityWeight();
        return w;
    }

    // ---- answers --------------------------------------------------------------------------------

    /** Recommendations for a user: from their history when they have one, else their preferences, else popularity. */
    public Answer forUser(String userId, int k, Filter filter) {
        Integer user = m.userIndex(userId);
        int u = user == null ? -1 : user;
        Preferences prefs = preferences.getOrDefault(userId, Preferences.NONE);
        double[][] parts = sources(u, prefs);
        double[] scores = new double[m.items()];
        blend(parts, scores);
        for (int j = 0; j < scores.length; j++) {
            if (prefs.likes(items.get(j))) scores[j] *= 1 + settings.preferenceBoost();
            scores[j] *= sentimentFactor[j];
        }
        BitSet excluded = excluded(filter, u);
        for (int j = 0; j < scores.length; j++) if (!prefs.affords(items.get(j))) excluded.set(j);
        int[] chosen = diversified(scores, k, excluded);
        List<Recommendation> out = new ArrayList<>(chosen.length);
        for (int j : chosen) out.add(new Recommendation(items.get(j), round(scores[j]), reasons(u, j, parts, prefs)));
        String basis = u >= 0 ? "history" : prefs.categories().isEmpty() ? "popularity" : "preferences";
        return new Answer(basis, out);
    }

    /** Items like this one: bought by the same customers, or described alike. Null when the product is unknown. */
    public List<Recommendation> similarTo(String productId, int k, Filter filter) {
        Integer item = m.itemIndex(productId);
        if (item == null) return null;
        double[] together = new double[m.items()];
        coPurchase.spread(item, 1, together);
        scaled(together);
        double[] alike = new double[m.items()];
        content.score(content.vector(item), 1, alike);
        double[] scores = new double[m.items()];
        for (int j = 0; j < scores.length; j++) scores[j] = (0.6 * together[j] + 0.4 * alike[j]) * sentimentFactor[j];
        BitSet excluded = excluded(filter, -1);
        excluded.set(item);
        List<Recommendation> out = new ArrayList<>();
        for (int j : TopK.of(scores, k, excluded)) {
            if (scores[j] <= 0) break;
            List<String> reasons = new ArrayList<>();
            int both = boughtTogether(item, j);
            if (both > 0) reasons.add("bought together with " + items.get(item).name() + " by " + customers(both));
            List<String> shared = content.sharedTerms(item, j, 3);
            if (!shared.isEmpty()) reasons.add("similar to " + items.get(item).name() + ": " + String.join(", ", shared));
            sentimentReason(j).ifPresent(reasons::add);
            out.add(new Recommendation(items.get(j), round(scores[j]), reasons));
        }
        return out;
    }

    /** What is bought with a basket; items of the basket the model does not know are ignored. */
    public List<Recommendation> boughtWith(List<String> basket, int k, Filter filter) {
        double[] scores = new double[m.items()];
        BitSet excluded = excluded(filter, -1);
        List<Integer> known = new ArrayList<>();
        for (String id : basket) {
            Integer item = m.itemIndex(id);
            if (item == null) continue;
            known.add(item);
            excluded.set(item);
            coPurchase.spread(item, 1, scores);
        }
        List<Recommendation> out = new ArrayList<>();
        for (int j : TopK.of(scores, k, excluded)) {
            if (scores[j] <= 0) break;
            int best = known.stream().max(Comparator.comparingInt(i -> boughtTogether(i, j))).orElseThrow();
            List<String> reasons = new ArrayList<>();
            reasons.add("bought with " + items.get(best).name() + " by " + customers(boughtTogether(best, j)));
            sentimentReason(j).ifPresent(reasons::add);
            out.add(new Recommendation(items.get(j), round(scores[j] * sentimentFactor[j]), reasons));
        }
        return out;
    }

    /** The most bought items lately, overall or in one category. */
    public List<Recommendation> popular(int k, Filter filter) {
        BitSet excluded = excluded(filter, -1);
        List<Recommendation> out = new ArrayList<>();
        for (int j : TopK.of(popularity, k, excluded)) {
            if (popularity[j] <= 0) break;
            List<String> reasons = new ArrayList<>();
            reasons.add("popular in " + items.get(j).category() + ": bought by " + customers(coPurchase.buyers(j)));
            sentimentReason(j).ifPresent(reasons::add);
            out.add(new Recommendation(items.get(j), round(popularity[j] / maxPopularity), reasons));
        }
        return out;
    }

    private BitSet excluded(Filter filter, int user) {
        BitSet excluded = new BitSet(m.items());
        for (int j = 0; j < items.size(); j++) {
            Item item = items.get(j);
            if (filter.inStockOnly() && !item.inStock()) excluded.set(j);
            else if (filter.category() != null && !filter.category().equalsIgnoreCase(item.category())
                    && !filter.category().equalsIgnoreCase(item.subCategory())) excluded.set(j);
        }
        for (String id : filter.exclude()) {
            Integer j = m.itemIndex(id);
            if (j != null) excluded.set(j);
        }
        if (filter.excludeBought() && user >= 0) for (int j : m.itemsOf(user)) excluded.set(j);
        return excluded;
    }

    /**
     * Maximal marginal relevance (Carbonell &amp; Goldstein 1998) over the best candidates: each next item
     * maximises (1 − diversity) · relevance − diversity · its highest text similarity to those chosen.
     */
    private int[] diversified(double[] scores, int k, BitSet excluded) {
        int[] pool = TopK.of(scores, Math.max(k * 5, 50), excluded);
        int size = 0;
        while (size < pool.length && scores[pool[size]] > 0) size++;
        double top = size == 0 ? 1 : scores[pool[0]];
        double lambda = settings.diversity();
        List<Integer> chosen = new ArrayList<>();
        boolean[] used = new boolean[size];
        double[] maxSim = new double[size];
        while (chosen.size() < Math.min(k, size)) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < size; c++) {
                if (used[c]) continue;
                double value = (1 - lambda) * scores[pool[c]] / top - lambda * maxSim[c];
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            used[best] = true;
            chosen.add(pool[best]);
            for (int c = 0; c < size; c++) {
                if (!used[c]) maxSim[c] = Math.max(maxSim[c], content.similarity(pool[c], pool[best]));
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Why item j was recommended to user u, from the sources that gave it most, strongest first. */
    private List<String> reasons(int u, int j, double[][] parts, Preferences prefs) {
        double[] w = weights();
        Source[] sources = Source.values();
        Integer[] order = {0, 1, 2, 3};
        java.util.Arrays.sort(order, (a, b) -> Double.compare(w[b] * parts[b][j], w[a] * parts[a][j]));
        List<String> reasons = new ArrayList<>();
        for (int p : order) {
            if (w[p] * parts[p][j] <= 0) continue;
            String reason = switch (sources[p]) {
                case REPEAT -> repeatReason(u, j);
                case COLLABORATIVE -> collaborativeReason(u, j);
                case CONTENT -> contentReason(u, j, prefs);
                case POPULARITY -> reasons.isEmpty() || w[p] * parts[p][j] > 0.05
                        ? "popular in " + items.get(j).category() : null;
            };
            if (reason != null) reasons.add(reason);
        }
        if (prefs.likes(items.get(j))) reasons.add("in a category you like");
        sentimentReason(j).ifPresent(reasons::add);
        return reasons;
    }

    private String repeatReason(int u, int j) {
        int[] its = m.itemsOf(u);
        int k = java.util.Arrays.binarySearch(its, j);
        if (k < 0) return null;
        double times = m.strengthsOf(u)[k];
        return "you bought it " + (times == Math.rint(times) && times >= 1 ? (int) times + (times == 1 ? " time" : " times")
                : "before") + ", last on " + m.lastBoughtOf(u)[k].toLocalDate();
    }

    private String collaborativeReason(int u, int j) {
        int best = -1;
        double bestSim = 0;
        for (int i : m.itemsOf(u)) {
            double s = coPurchase.similarity(i, j);
            if (s > bestSim) {
                bestSim = s;
                best = i;
            }
        }
        if (best < 0) return null;
        return "customers who bought " + items.get(best).name() + " also bought it (" + customers(boughtTogether(best, j)) + ")";
    }

    private String contentReason(int u, int j, Preferences prefs) {
        if (u < 0) return prefs.likes(items.get(j)) ? null : "close to the categories you like";
        int best = -1;
        double bestSim = 0;
        for (int i : m.itemsOf(u)) {
            if (i == j) continue;
            double s = content.similarity(i, j);
            if (s > bestSim) {
                bestSim = s;
                best = i;
            }
        }
        return best < 0 ? null : "similar to " + items.get(best).name() + ", which you bought";
    }

    private java.util.Optional<String> sentimentReason(int j) {
        Sentiment s = sentiment[j];
        if (s == null || s.reviews() < 3) return java.util.Optional.empty();
        if (s.positiveShare() >= 0.7) {
            return java.util.Optional.of(String.format(Locale.ROOT, "well reviewed: %.0f%% positive of %d reviews",
                    100 * s.positiveShare(), s.reviews()));
        }
        return java.util.Optional.empty();
    }

    private int boughtTogether(int item, int other) {
        int[] ns = coPurchase.neighbours(item);
        int[] both = coPurchase.boughtTogether(item);
        for (int r = 0; r < ns.length; r++) if (ns[r] == other) return both[r];
        return 0;
    }

    private static String customers(int n) {
        return n == 1 ? "1 customer" : String.format(Locale.ROOT, "%,d customers", n);
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    // ---- facts for the model status -------------------------------------------------------------

    public int users() { return m.users(); }
    public int items() { return m.items(); }
    public long pairs() { return m.pairs(); }
    public long neighbourLinks() { return coPurchase.links(); }
    public int terms() { return content.terms(); }
    public boolean knowsUser(String userId) { return m.userIndex(userId) != null || preferences.containsKey(userId); }
    public boolean knowsItem(String productId) { return m.itemIndex(productId) != null; }
}
