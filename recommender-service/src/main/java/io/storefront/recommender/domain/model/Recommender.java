package io.storefront.recommender.domain.model;

import io.storefront.recommender.domain.eval.Interactions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
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
                           double diversity, int easeItems, double easeWeight, double easeLambda,
                           int customerNeighbours, double customerWeight, double recentPopularityWeight) {

        /** Without EASE^R. */
        public Settings(int neighbours, double collaborativeWeight, double contentWeight, double repeatWeight,
                        double popularityWeight, double recencyHalfLifeDays, double popularityHalfLifeDays,
                        double preferenceBoost, double sentimentWeight, int sentimentPriorReviews, double diversity) {
            this(neighbours, collaborativeWeight, contentWeight, repeatWeight, popularityWeight, recencyHalfLifeDays,
                    popularityHalfLifeDays, preferenceBoost, sentimentWeight, sentimentPriorReviews, diversity, 0, 0, 0, 0, 0, 0);
        }

        /**
         * Chosen on Online Retail's validation split for the "repeat" variant (bench/recommender.sh hybrid, then
         * with -Dcustomers=true): the similar customers' source took the place of co-purchase in the blend.
         */
        public static final Settings DEFAULT = new Settings(50, 0.0, 0.3, 4.0, 0.15, 365, 90, 0.5, 0.2, 5, 0.15)
                .withCustomers(150, 4.0);

        /**
         * The weights for lists that leave out what the user bought, chosen on the same split for the "new"
         * variant: co-purchase back in the blend, fewer similar customers weighing less, and EASE^R over the
         * 1,000 most bought items. Without the trend ({@link #withTrend}): it helps on Online Retail and hurts a
         * store whose sales do not drift (BENCHMARKS.md).
         */
        public static final Settings DEFAULT_NEW_ITEMS = DEFAULT.withWeights(0.5, 0.3, 0, 0.05).withCustomers(100, 0.5)
                .withEase(1000, 1.0, 250);

        public Settings withWeights(double collaborative, double content, double repeat, double popularity) {
            return new Settings(neighbours, collaborative, content, repeat, popularity, recencyHalfLifeDays,
                    popularityHalfLifeDays, preferenceBoost, sentimentWeight, sentimentPriorReviews, diversity, easeItems,
                    easeWeight, easeLambda, customerNeighbours, customerWeight, recentPopularityWeight);
        }

        /** EASE^R over the {@code items} most bought items as a fifth source with {@code weight}. */
        public Settings withEase(int items, double weight, double lambda) {
            return new Settings(neighbours, collaborativeWeight, contentWeight, repeatWeight, popularityWeight,
                    recencyHalfLifeDays, popularityHalfLifeDays, preferenceBoost, sentimentWeight, sentimentPriorReviews,
                    diversity, items, weight, lambda, customerNeighbours, customerWeight, recentPopularityWeight);
        }

        /** What the {@code neighbours} customers who shop most like a user bought, as a source with {@code weight}. */
        public Settings withCustomers(int neighbours, double weight) {
            return new Settings(this.neighbours, collaborativeWeight, contentWeight, repeatWeight, popularityWeight,
                    recencyHalfLifeDays, popularityHalfLifeDays, preferenceBoost, sentimentWeight, sentimentPriorReviews,
                    diversity, easeItems, easeWeight, easeLambda, neighbours, weight, recentPopularityWeight);
        }

        /**
         * What sells now against what sold over the popularity half-life: the weight of sales over the last
         * {@value #RECENT_POPULARITY_HALF_LIFE_DAYS} days (half-life) beside a {@code popularity} weight that may
         * then be below zero, so that items selling more lately rise and those whose sales are fading sink.
         */
        public Settings withTrend(double popularity, double recentPopularity) {
            return new Settings(neighbours, collaborativeWeight, contentWeight, repeatWeight, popularity,
                    recencyHalfLifeDays, popularityHalfLifeDays, preferenceBoost, sentimentWeight, sentimentPriorReviews,
                    diversity, easeItems, easeWeight, easeLambda, customerNeighbours, customerWeight, recentPopularity);
        }

        /** The half-life of the "selling lately" signal. */
        public static final double RECENT_POPULARITY_HALF_LIFE_DAYS = 30;
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
            if (categories.isEmpty()) return false;
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

    private enum Source { COLLABORATIVE, CONTENT, REPEAT, POPULARITY, CUSTOMERS }

    /**
     * What a list's score is made of: the (user, item) terms of the sources, each scaled to [0, 1] over the
     * request, and signals of the item alone, scaled to [0, 1] over the catalogue.
     */
    public enum Term {
        COLLABORATIVE, EASE, CONTENT, CUSTOMERS, REPEAT,
        /** Sales over the popularity half-life (90 days). */
        POPULARITY,
        /** Sales over the last 30 days (half-life). */
        RECENT_SALES,
        /** log(1 + buyers), scaled to the most bought item's. */
        BUYERS,
        /** (repeat buyers + 1) / (buyers + 5): the share of its buyers who bought it again, drawn to 1/5 when few bought it. */
        REBUY_RATE;

        boolean ofItemAlone() {
            return ordinal() >= POPULARITY.ordinal();
        }
    }

    /**
     * How a list's score is made from the terms: a term x counts {@code linear · x + root · √x}. Settings weigh
     * terms linearly; a learned blend ({@link NewItemsLearning}) also weighs their roots, which lets evidence
     * show diminishing returns. Arrays are indexed by {@link Term#ordinal()}.
     */
    public record Blend(double[] linear, double[] root) {

        public static Blend of(Settings s) {
            double[] linear = new double[Term.values().length];
            linear[Term.COLLABORATIVE.ordinal()] = s.collaborativeWeight();
            linear[Term.EASE.ordinal()] = usesEase(s) ? s.easeWeight() : 0;
            linear[Term.CONTENT.ordinal()] = s.contentWeight();
            linear[Term.CUSTOMERS.ordinal()] = usesCustomers(s) ? s.customerWeight() : 0;
            linear[Term.REPEAT.ordinal()] = s.repeatWeight();
            linear[Term.POPULARITY.ordinal()] = s.popularityWeight();
            linear[Term.RECENT_SALES.ordinal()] = s.recentPopularityWeight();
            return new Blend(linear, new double[linear.length]);
        }

        /** Every term weighed 1: a model built with it computes every source, to learn from. */
        public static Blend everyTerm() {
            double[] ones = new double[Term.values().length];
            java.util.Arrays.fill(ones, 1);
            return new Blend(ones, new double[ones.length]);
        }

        public boolean uses(Term t) {
            return linear[t.ordinal()] != 0 || root[t.ordinal()] != 0;
        }

        public double apply(Term t, double x) {
            double r = root[t.ordinal()];
            return linear[t.ordinal()] * x + (r == 0 ? 0 : r * Math.sqrt(x));
        }

        /** The score of one candidate from its terms (in {@link Term} order), before any lift. */
        public double score(double[] terms, int from) {
            double z = 0;
            for (Term t : Term.values()) z += apply(t, terms[from + t.ordinal()]);
            return z;
        }

        /** The lowest a term can add over [0, 1]: with √x = s, linear·s² + root·s is lowest at an end or at its vertex. */
        public double lowest(Term t) {
            double a = linear[t.ordinal()], b = root[t.ordinal()];
            double low = Math.min(0, a + b);
            double vertex = a > 0 ? -b / (2 * a) : -1;
            if (vertex > 0 && vertex < 1) low = Math.min(low, a * vertex * vertex + b * vertex);
            return low;
        }

        /** One term's weights, rounded for reading. */
        public record TermWeights(double linear, double root) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%.3f x %+.3f √x", linear, root);
            }
        }

        /** The weights of the terms used, for the model status: {"content": {"linear": 0.3, "root": 0}, …}. */
        public Map<String, TermWeights> describe() {
            Map<String, TermWeights> out = new java.util.LinkedHashMap<>();
            for (Term t : Term.values()) {
                if (uses(t)) out.put(t.name().toLowerCase(Locale.ROOT), new TermWeights(round(linear[t.ordinal()]),
                        round(root[t.ordinal()])));
            }
            return out;
        }
    }

    /**
     * One kind of list (the default ones, or those that leave out what the user bought): the settings that size
     * its sources, the blend of its terms, each item's part of the blend that is the same for every user, and
     * the items that part ranks first when it ranks them otherwise than popularity does. The prior is raised by
     * {@code itemLift} (so that the lowest item's is 0) and {@code termsLift} (what the (user, item) terms can
     * take away at most), so that no item's whole blend falls below 0.
     */
    private record ListWeights(Settings settings, Blend blend, double[] prior, double itemLift, double termsLift,
                               int[] byPrior) {
        double lift() {
            return itemLift + termsLift;
        }
    }

    /** Terms of a user's taste profile walked per request (see {@link ContentIndex#profile}). */
    static final int PROFILE_TERMS = 30;
    /** Most popular items (overall, and per category) that join every request's candidates. */
    static final int POPULAR_CANDIDATES = 200;
    /** Items closest to a user's taste by text that join the candidates. */
    static final int CONTENT_CANDIDATES = 300;
    /** Items the customers who shop most like a user bought most that join the candidates. */
    static final int CUSTOMER_CANDIDATES = 300;
    /** Items EASE^R scores best for a user that join the candidates. */
    static final int EASE_CANDIDATES = 200;

    private final Interactions m;
    private final List<Item> items;
    private final Map<String, Preferences> preferences;
    private final Settings settings;
    private final ListWeights defaultLists;
    private final ListWeights newItemsLists;
    private final LocalDateTime now;
    private final CoPurchase coPurchase;
    /** EASE^R over the most bought items, or null when the settings leave it out. */
    private final EaseR ease;
    /** Customers who shop alike, or null when the settings leave them out. */
    private final SimilarCustomers similarCustomers;
    private final ContentIndex content;
    private final double[] popularity;
    private final double[] popularityScaled;
    /** Per item, the {@link Term}s of the item alone that some blend uses (zeros otherwise). */
    private final double[] recentSales;
    private final double[] buyers;
    private final double[] rebuyRate;
    /** Every item by popularity, most popular first; and the same per category and sub-category (lower case). */
    private final int[] byPopularity;
    private final Map<String, int[]> byPopularityIn;
    private final double[] sentimentFactor;
    private final Sentiment[] sentiment;

    /**
     * {@code items} are indexed as {@code m} numbers them ({@code items.get(i)} is {@code m.itemId(i)});
     * {@code now} is when "recent" is measured from.
     */
    public Recommender(Interactions m, List<Item> items, Map<String, Sentiment> sentiment,
                       Map<String, Preferences> preferences, Settings settings, LocalDateTime now) {
        this(m, items, sentiment, preferences, settings, settings, now);
    }

    /**
     * With {@code newItems} weighting the sources of lists that leave out what the user bought; what is built
     * once (co-purchase neighbours, half-lives, sentiment, diversity) follows {@code settings}, and EASE^R
     * follows {@code newItems} when they use it.
     */
    public Recommender(Interactions m, List<Item> items, Map<String, Sentiment> sentiment,
                       Map<String, Preferences> preferences, Settings settings, Settings newItems, LocalDateTime now) {
        this(m, items, sentiment, preferences, settings, newItems, null, now);
    }

    /**
     * With {@code newItemsBlend} (when not null) in place of the new-items settings' weights: a blend learned
     * for this store; {@code newItems} still sizes the sources (similar customers, EASE^R's items).
     */
    public Recommender(Interactions m, List<Item> items, Map<String, Sentiment> sentiment,
                       Map<String, Preferences> preferences, Settings settings, Settings newItems, Blend newItemsBlend,
                       LocalDateTime now) {
        if (items.size() != m.items()) throw new IllegalArgumentException("one item per matrix column is needed");
        this.m = m;
        this.items = List.copyOf(items);
        this.preferences = Map.copyOf(preferences);
        this.settings = settings;
        this.now = now;
        Blend blend = Blend.of(settings);
        Blend fresh = newItemsBlend != null ? newItemsBlend : Blend.of(newItems);
        this.coPurchase = new CoPurchase(m, settings.neighbours());
        // one EASE^R model serves both kinds of list: the new-items one's when they use it, else the default's
        Settings easeSettings = fresh.uses(Term.EASE) && newItems.easeItems() > 0 ? newItems : settings;
        this.ease = (blend.uses(Term.EASE) || fresh.uses(Term.EASE)) && easeSettings.easeItems() > 0 && m.items() > 0
                ? new EaseR(m, easeSettings.easeLambda(), EaseR.Weighting.BINARY, EaseR.mostBought(m, easeSettings.easeItems()))
                : null;
        this.similarCustomers = blend.uses(Term.CUSTOMERS) && settings.customerNeighbours() > 0
                || fresh.uses(Term.CUSTOMERS) && newItems.customerNeighbours() > 0 ? new SimilarCustomers(m) : null;
        List<String> texts = new ArrayList<>(items.size());
        for (Item item : items) {
            texts.add(ContentIndex.itemText(item.name(), item.description(), item.category(), item.subCategory()));
        }
        this.content = new ContentIndex(texts);
        int n = m.items();
        this.popularity = decayedSales(m, settings.popularityHalfLifeDays());
        this.popularityScaled = scaledToMax(popularity);
        this.byPopularity = TopK.of(popularity, n, null);
        boolean trend = blend.uses(Term.RECENT_SALES) || fresh.uses(Term.RECENT_SALES);
        this.recentSales = trend ? scaledToMax(decayedSales(m, Settings.RECENT_POPULARITY_HALF_LIFE_DAYS)) : new double[n];
        this.buyers = new double[n];
        this.rebuyRate = new double[n];
        if (blend.uses(Term.BUYERS) || fresh.uses(Term.BUYERS) || blend.uses(Term.REBUY_RATE) || fresh.uses(Term.REBUY_RATE)) {
            itemSignals(m, buyers, rebuyRate);
        }
        this.defaultLists = listWeights(settings, blend);
        this.newItemsLists = listWeights(newItems, fresh);
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int j : byPopularity) {
            Item item = this.items.get(j);
            groups.computeIfAbsent(item.category().toLowerCase(Locale.ROOT), c -> new ArrayList<>()).add(j);
            if (!item.subCategory().equalsIgnoreCase(item.category())) {
                groups.computeIfAbsent(item.subCategory().toLowerCase(Locale.ROOT), c -> new ArrayList<>()).add(j);
            }
        }
        Map<String, int[]> lists = new HashMap<>();
        groups.forEach((group, list) -> lists.put(group, list.stream().mapToInt(Integer::intValue).toArray()));
        this.byPopularityIn = Map.copyOf(lists);
        this.sentiment = new Sentiment[n];
        this.sentimentFactor = new double[n];
        for (int i = 0; i < n; i++) {
            Sentiment s = sentiment.get(m.itemId(i));
            this.sentiment[i] = s;
            // shrunk towards neutral when there are few reviews, so one review cannot move an item much
            double shrink = s == null ? 0 : (double) s.reviews() / (s.reviews() + settings.sentimentPriorReviews());
            this.sentimentFactor[i] = 1 + settings.sentimentWeight() * (s == null ? 0 : s.meanPolarity() * shrink);
        }
    }

    /**
     * A kind of list with its prior: per item the blend of its terms alone, lifted by what the lowest item and the
     * lowest (user, item) terms could take away, because answers keep only items scoring above 0 (the same lift
     * for every item leaves the order as it was).
     */
    private ListWeights listWeights(Settings w, Blend blend) {
        double[] prior = new double[popularityScaled.length];
        double itemLowest = 0;
        for (int j = 0; j < prior.length; j++) {
            for (Term t : Term.values()) if (t.ofItemAlone() && blend.uses(t)) prior[j] += blend.apply(t, itemTerm(t, j));
            itemLowest = Math.min(itemLowest, prior[j]);
        }
        double termsLowest = 0;
        for (Term t : Term.values()) if (!t.ofItemAlone()) termsLowest += blend.lowest(t);
        double lift = -itemLowest - termsLowest;
        if (lift > 0) for (int j = 0; j < prior.length; j++) prior[j] += lift;
        boolean onlyPopularity = true;
        for (Term t : Term.values()) {
            if (t.ofItemAlone() && t != Term.POPULARITY && blend.uses(t)) onlyPopularity = false;
        }
        if (blend.root()[Term.POPULARITY.ordinal()] != 0) onlyPopularity = false;
        int[] byPrior = onlyPopularity ? new int[0] : TopK.of(prior, POPULAR_CANDIDATES, null);
        return new ListWeights(w, blend, prior, -itemLowest, -termsLowest, byPrior);
    }

    private double itemTerm(Term t, int j) {
        return switch (t) {
            case POPULARITY -> popularityScaled[j];
            case RECENT_SALES -> recentSales[j];
            case BUYERS -> buyers[j];
            case REBUY_RATE -> rebuyRate[j];
            default -> throw new IllegalArgumentException(t + " depends on the user");
        };
    }

    /** Per item, log(1 + buyers) scaled to the most bought item's, and the smoothed share of repeat buyers. */
    private static void itemSignals(Interactions m, double[] buyers, double[] rebuyRate) {
        int[] repeaters = new int[buyers.length];
        for (int u = 0; u < m.users(); u++) {
            int[] its = m.itemsOf(u);
            double[] strength = m.strengthsOf(u);
            for (int k = 0; k < its.length; k++) {
                buyers[its[k]]++;
                if (strength[k] >= 2) repeaters[its[k]]++;
            }
        }
        double most = 0;
        for (double b : buyers) most = Math.max(most, b);
        double scale = most > 0 ? Math.log1p(most) : 1;
        for (int j = 0; j < buyers.length; j++) {
            rebuyRate[j] = (repeaters[j] + 1.0) / (buyers[j] + 5.0);
            buyers[j] = Math.log1p(buyers[j]) / scale;
        }
    }

    private static boolean usesEase(Settings s) {
        return s.easeItems() > 0 && s.easeWeight() > 0;
    }

    private static boolean usesCustomers(Settings s) {
        return s.customerNeighbours() > 0 && s.customerWeight() > 0;
    }

    /** Per item, its purchases each decayed by how long ago the buyer last bought it. */
    private double[] decayedSales(Interactions m, double halfLifeDays) {
        double[] sales = new double[m.items()];
        for (int u = 0; u < m.users(); u++) {
            int[] its = m.itemsOf(u);
            LocalDateTime[] last = m.lastBoughtOf(u);
            for (int k = 0; k < its.length; k++) sales[its[k]] += decay(last[k], halfLifeDays);
        }
        return sales;
    }

    private static double[] scaledToMax(double[] xs) {
        double max = 0;
        for (double x : xs) max = Math.max(max, x);
        double[] out = new double[xs.length];
        for (int j = 0; j < xs.length; j++) out[j] = max > 0 ? xs[j] / max : 0;
        return out;
    }

    private double decay(LocalDateTime at, double halfLifeDays) {
        double days = Math.max(0, Duration.between(at, now).toHours() / 24.0);
        return Math.pow(0.5, days / halfLifeDays);
    }

    // ---- the sources and their blend -------------------------------------------------------------

    /**
     * Each source's scores, dense; collaborative and repeat scaled to [0, 1] over what was touched,
     * content scaled when read (times {@code contentScale}) so that no request walks the whole catalogue twice.
     */
    private record Parts(double[] collaborative, double[] content, double contentScale, double[] repeat,
                         double[] ease, double easeScale, double[] customers, int[] nearestCustomers,
                         Candidates touched) {
        /** A (user, item) term, in [0, 1]. */
        double term(Term t, int item) {
            return switch (t) {
                case COLLABORATIVE -> collaborative[item];
                case EASE -> ease == null ? 0 : Math.max(0, ease[item]) * easeScale;
                case CONTENT -> content[item] * contentScale;
                case CUSTOMERS -> customers[item];
                case REPEAT -> repeat[item];
                default -> throw new IllegalArgumentException(t + " is of the item alone");
            };
        }
    }

    /**
     * Per-request working arrays, reused: at 50k items a request would otherwise allocate over a
     * megabyte, and at hundreds of requests a second the collector would pause the answers.
     */
    private static final class Scratch {
        final double[] collaborative;
        final double[] repeat;
        final double[] content;
        final double[] ease;
        final double[] customers;
        final SimilarCustomers.Work customerWork;
        final Candidates touched;

        Scratch(int n, SimilarCustomers similar) {
            collaborative = new double[n];
            repeat = new double[n];
            content = new double[n];
            ease = new double[n];
            customers = new double[n];
            customerWork = similar == null ? null : similar.work();
            touched = new Candidates(n);
        }

        void clear() {
            for (int c = 0; c < touched.size(); c++) {
                collaborative[touched.get(c)] = 0;
                repeat[touched.get(c)] = 0;
                customers[touched.get(c)] = 0;
            }
            touched.clear();
            java.util.Arrays.fill(content, 0);
            java.util.Arrays.fill(ease, 0);
        }
    }

    private static final int SCRATCH_KEPT = 16;
    private final java.util.concurrent.ConcurrentLinkedQueue<Scratch> scratches = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private Scratch borrow() {
        Scratch s = scratches.poll();
        return s != null ? s : new Scratch(m.items(), similarCustomers);
    }

    private void giveBack(Scratch s) {
        s.clear();
        if (scratches.size() < SCRATCH_KEPT) scratches.offer(s);
    }

    /**
     * The sources for a user ({@code user} −1: someone without history, then only their preferences count),
     * those the weights {@code w} leave out not computed.
     */
    private Parts sources(int user, Preferences prefs, Scratch s, ListWeights w) {
        Candidates touched = s.touched;
        int[] its = user < 0 ? new int[0] : m.itemsOf(user);
        double[] weights = ownWeights(user);
        // with co-purchase out of the blend its neighbours would only be candidates that nothing scores
        boolean collaborative = w.blend().uses(Term.COLLABORATIVE);
        for (int k = 0; k < its.length; k++) {
            if (collaborative) coPurchase.spread(its[k], weights[k], s.collaborative, touched);
            s.repeat[its[k]] = weights[k];
            touched.add(its[k]);
        }
        List<String> liked = List.copyOf(prefs.categories());
        double contentMax = 0;
        if (its.length > 0 || !liked.isEmpty()) {
            content.score(content.profile(its, weights, liked, 1.0, PROFILE_TERMS), 1, s.content);
            // a broad profile touches most of the catalogue: only the closest items become candidates
            int[] closest = TopK.of(s.content, CONTENT_CANDIDATES, null);
            if (closest.length > 0) contentMax = s.content[closest[0]];
            for (int j : closest) if (s.content[j] > 0) touched.add(j);
        }
        double easeMax = 0;
        boolean withEase = ease != null && user >= 0 && w.blend().uses(Term.EASE);
        if (withEase) {
            ease.score(user, s.ease);
            int[] covered = ease.covered();
            double[] local = new double[covered.length];
            for (int k = 0; k < covered.length; k++) local[k] = s.ease[covered[k]];
            int[] best = TopK.of(local, Math.min(EASE_CANDIDATES, local.length), null);
            if (best.length > 0) easeMax = local[best[0]];
            for (int k : best) if (local[k] > 0) touched.add(covered[k]);
        }
        int[] nearest = new int[0];
        if (similarCustomers != null && user >= 0 && w.blend().uses(Term.CUSTOMERS) && w.settings().customerNeighbours() > 0) {
            similarCustomers.spread(user, w.settings().customerNeighbours(), CUSTOMER_CANDIDATES, s.customers, touched,
                    s.customerWork);
            nearest = s.customerWork.nearest();
        }
        scaleOver(s.collaborative, touched);
        scaleOver(s.repeat, touched);
        scaleOver(s.customers, touched);
        return new Parts(s.collaborative, s.content, contentMax > 0 ? 1 / contentMax : 0, s.repeat,
                withEase ? s.ease : null, easeMax > 0 ? 1 / easeMax : 0, s.customers, nearest, touched);
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

    private static void scaleOver(double[] xs, Candidates touched) {
        double max = 0;
        for (int c = 0; c < touched.size(); c++) max = Math.max(max, xs[touched.get(c)]);
        if (max > 0) for (int c = 0; c < touched.size(); c++) xs[touched.get(c)] /= max;
    }

    /** The (user, item) terms, those a request computes from the user's history. */
    private static final Term[] USER_TERMS = {Term.COLLABORATIVE, Term.EASE, Term.CONTENT, Term.CUSTOMERS, Term.REPEAT};

    private double blend(Parts parts, int j, ListWeights w) {
        double score = w.prior()[j];
        for (Term t : USER_TERMS) if (w.blend().uses(t)) score += w.blend().apply(t, parts.term(t, j));
        return score;
    }

    /** The blended score of every item for a user of the matrix: what the offline evaluation ranks by. */
    @Override
    public void score(int user, double[] scores) {
        score(user, scores, defaultLists);
    }

    /** Candidates of one list and, per candidate, its terms, row after row in {@link Term} order. */
    record TermRows(int[] items, double[] terms) {
        static final int WIDTH = Term.values().length;
    }

    /**
     * What a new-items list for {@code user} would rank, as {@link #forUser} gathers it without filters: the
     * candidates other than the user's own items, each with its terms.
     */
    TermRows newItemsTerms(int user) {
        Scratch scratch = borrow();
        try {
            Parts parts = sources(user, preferencesOf(user), scratch, newItemsLists);
            Candidates candidates = parts.touched();
            addPopular(candidates, Filter.NONE, preferencesOf(user), newItemsLists);
            int[] own = m.itemsOf(user);
            int[] pool = new int[candidates.size()];
            double[] terms = new double[candidates.size() * TermRows.WIDTH];
            int size = 0;
            for (int c = 0; c < candidates.size(); c++) {
                int j = candidates.get(c);
                if (java.util.Arrays.binarySearch(own, j) >= 0) continue;
                for (Term t : Term.values()) {
                    terms[size * TermRows.WIDTH + t.ordinal()] = t.ofItemAlone() ? itemTerm(t, j) : parts.term(t, j);
                }
                pool[size++] = j;
            }
            return new TermRows(java.util.Arrays.copyOf(pool, size), java.util.Arrays.copyOf(terms, size * TermRows.WIDTH));
        } finally {
            giveBack(scratch);
        }
    }

    /** The same with the weights for lists that leave out what the user bought: what the "new" variant ranks by. */
    public Scorer newItemsScorer() {
        return (user, scores) -> score(user, scores, newItemsLists);
    }

    private void score(int user, double[] scores, ListWeights w) {
        Scratch s = borrow();
        try {
            Parts parts = sources(user, preferencesOf(user), s, w);
            for (int j = 0; j < scores.length; j++) scores[j] = blend(parts, j, w);
        } finally {
            giveBack(s);
        }
    }

    private Preferences preferencesOf(int user) {
        return user < 0 ? Preferences.NONE : preferences.getOrDefault(m.userId(user), Preferences.NONE);
    }

    // ---- answers --------------------------------------------------------------------------------

    /** Which items a request may answer with. */
    private final class Allowed {
        private final Filter filter;
        private final Preferences prefs;
        private final BitSet excluded = new BitSet();

        Allowed(Filter filter, Preferences prefs, int user) {
            this.filter = filter;
            this.prefs = prefs;
            for (String id : filter.exclude()) {
                Integer j = m.itemIndex(id);
                if (j != null) excluded.set(j);
            }
            if (filter.excludeBought() && user >= 0) for (int j : m.itemsOf(user)) excluded.set(j);
        }

        boolean test(int j) {
            if (excluded.get(j)) return false;
            Item item = items.get(j);
            if (filter.inStockOnly() && !item.inStock()) return false;
            if (filter.category() != null && !filter.category().equalsIgnoreCase(item.category())
                    && !filter.category().equalsIgnoreCase(item.subCategory())) return false;
            return prefs.affords(item);
        }
    }

    /**
     * The most popular items of the filter's category (or overall) and of each liked category join the candidates,
     * and, without a category, those the list's prior ranks first.
     */
    private void addPopular(Candidates candidates, Filter filter, Preferences prefs, ListWeights w) {
        if (filter.category() == null) for (int j : w.byPrior()) candidates.add(j);
        int[] list = filter.category() == null ? byPopularity
                : byPopularityIn.getOrDefault(filter.category().toLowerCase(Locale.ROOT), new int[0]);
        for (int r = 0; r < Math.min(POPULAR_CANDIDATES, list.length); r++) candidates.add(list[r]);
        for (String liked : prefs.categories()) {
            int[] own = byPopularityIn.getOrDefault(liked.toLowerCase(Locale.ROOT), new int[0]);
            for (int r = 0; r < Math.min(POPULAR_CANDIDATES, own.length); r++) candidates.add(own[r]);
        }
    }

    /** Recommendations for a user: from their history when they have one, else their preferences, else popularity. */
    public Answer forUser(String userId, int k, Filter filter) {
        Integer user = m.userIndex(userId);
        int u = user == null ? -1 : user;
        Preferences prefs = preferences.getOrDefault(userId, Preferences.NONE);
        ListWeights w = filter.excludeBought() ? newItemsLists : defaultLists;
        Scratch scratch = borrow();
        try {
            Parts parts = sources(u, prefs, scratch, w);
            Candidates candidates = parts.touched();
            addPopular(candidates, filter, prefs, w);
            Allowed allowed = new Allowed(filter, prefs, u);
            int[] pool = new int[candidates.size()];
            double[] scores = new double[candidates.size()];
            int size = 0;
            double lowest = 0;
            for (int c = 0; c < candidates.size(); c++) {
                int j = candidates.get(c);
                if (!allowed.test(j)) continue;
                pool[size] = j;
                scores[size] = blend(parts, j, w) - w.lift();
                lowest = Math.min(lowest, scores[size++]);
            }
            // Lifted only as far as this request's lowest candidate needs, not by the catalogue-wide bound: the
            // sentiment and preference factors multiply the score and MMR divides by the best one, so a large
            // constant would let them outweigh what the blend says.
            for (int c = 0; c < size; c++) {
                int j = pool[c];
                scores[c] = (scores[c] - lowest) * sentimentFactor[j];
                if (prefs.likes(items.get(j))) scores[c] *= 1 + settings.preferenceBoost();
            }
            int[] chosen = diversified(java.util.Arrays.copyOf(pool, size), java.util.Arrays.copyOf(scores, size), k);
            List<Recommendation> out = new ArrayList<>(chosen.length);
            for (int c : chosen) {
                out.add(new Recommendation(items.get(pool[c]), round(scores[c]), reasons(u, pool[c], parts, prefs, w)));
            }
            String basis = u >= 0 ? "history" : prefs.categories().isEmpty() ? "popularity" : "preferences";
            return new Answer(basis, out);
        } finally {
            giveBack(scratch);
        }
    }

    /** Items like this one: bought by the same customers, or described alike. Null when the product is unknown. */
    public List<Recommendation> similarTo(String productId, int k, Filter filter) {
        Integer item = m.itemIndex(productId);
        if (item == null) return null;
        Scratch scratch = borrow();
        try {
            Candidates candidates = scratch.touched;
            double[] together = scratch.collaborative;
            coPurchase.spread(item, 1, together, candidates);
            scaleOver(together, candidates);
            double[] alike = scratch.content;
            content.score(content.vector(item), 1, alike);
            for (int j : TopK.of(alike, Math.max(10 * k, CONTENT_CANDIDATES), null)) if (alike[j] > 0) candidates.add(j);
            Allowed allowed = new Allowed(filter, Preferences.NONE, -1);
            int[] pool = new int[candidates.size()];
            double[] scores = new double[candidates.size()];
            int size = 0;
            for (int c = 0; c < candidates.size(); c++) {
                int j = candidates.get(c);
                if (j == item || !allowed.test(j)) continue;
                double s = (0.6 * together[j] + 0.4 * alike[j]) * sentimentFactor[j];
                if (s <= 0) continue;
                pool[size] = j;
                scores[size++] = s;
            }
            List<Recommendation> out = new ArrayList<>();
            for (int c : TopK.of(java.util.Arrays.copyOf(scores, size), k, null)) {
                int j = pool[c];
                List<String> reasons = new ArrayList<>();
                int both = boughtTogether(item, j);
                if (both > 0) reasons.add("bought together with " + items.get(item).name() + " by " + customers(both));
                List<String> shared = sameCategory(item, j) ? content.sharedTerms(item, j, 3) : List.of();
                if (!shared.isEmpty()) reasons.add("similar to " + items.get(item).name() + ": " + String.join(", ", shared));
                sentimentReason(j).ifPresent(reasons::add);
                out.add(new Recommendation(items.get(j), round(scores[c]), reasons));
            }
            return out;
        } finally {
            giveBack(scratch);
        }
    }

    /** What is bought with a basket; items of the basket the model does not know are ignored. */
    public List<Recommendation> boughtWith(List<String> basket, int k, Filter filter) {
        Scratch scratch = borrow();
        try {
            Candidates candidates = scratch.touched;
            double[] together = scratch.collaborative;
            List<Integer> known = new ArrayList<>();
            for (String id : basket) {
                Integer item = m.itemIndex(id);
                if (item == null) continue;
                known.add(item);
                coPurchase.spread(item, 1, together, candidates);
            }
            Allowed allowed = new Allowed(filter, Preferences.NONE, -1);
            int[] pool = new int[candidates.size()];
            double[] scores = new double[candidates.size()];
            int size = 0;
            for (int c = 0; c < candidates.size(); c++) {
                int j = candidates.get(c);
                if (known.contains(j) || !allowed.test(j) || together[j] <= 0) continue;
                pool[size] = j;
                scores[size++] = together[j] * sentimentFactor[j];
            }
            List<Recommendation> out = new ArrayList<>();
            for (int c : TopK.of(java.util.Arrays.copyOf(scores, size), k, null)) {
                int j = pool[c];
                int best = known.stream().max(Comparator.comparingInt(i -> boughtTogether(i, j))).orElseThrow();
                List<String> reasons = new ArrayList<>();
                reasons.add("bought with " + items.get(best).name() + " by " + customers(boughtTogether(best, j)));
                sentimentReason(j).ifPresent(reasons::add);
                out.add(new Recommendation(items.get(j), round(scores[c]), reasons));
            }
            return out;
        } finally {
            giveBack(scratch);
        }
    }

    /** The most bought items lately, overall or in one category. */
    public List<Recommendation> popular(int k, Filter filter) {
        Allowed allowed = new Allowed(filter, Preferences.NONE, -1);
        int[] list = filter.category() == null ? byPopularity
                : byPopularityIn.getOrDefault(filter.category().toLowerCase(Locale.ROOT), new int[0]);
        List<Recommendation> out = new ArrayList<>();
        for (int r = 0; r < list.length && out.size() < k; r++) {
            int j = list[r];
            if (popularity[j] <= 0) break;
            if (!allowed.test(j)) continue;
            List<String> reasons = new ArrayList<>();
            reasons.add("popular in " + items.get(j).category() + ": bought by " + customers(coPurchase.buyers(j)));
            sentimentReason(j).ifPresent(reasons::add);
            out.add(new Recommendation(items.get(j), round(popularityScaled[j]), reasons));
        }
        return out;
    }

    /**
     * Maximal marginal relevance (Carbonell &amp; Goldstein 1998) over the best candidates: each next item
     * maximises (1 − diversity) · relevance − diversity · its highest text similarity to those chosen.
     * Returns positions in {@code items}.
     */
    private int[] diversified(int[] candidates, double[] scores, int k) {
        int[] best = TopK.of(scores, Math.min(candidates.length, Math.max(k * 5, 50)), null);
        int size = 0;
        while (size < best.length && scores[best[size]] > 0) size++;
        double top = size == 0 ? 1 : scores[best[0]];
        double lambda = settings.diversity();
        List<Integer> chosen = new ArrayList<>();
        boolean[] used = new boolean[size];
        double[] maxSim = new double[size];
        while (chosen.size() < Math.min(k, size)) {
            int pick = -1;
            double pickValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < size; c++) {
                if (used[c]) continue;
                double value = (1 - lambda) * scores[best[c]] / top - lambda * maxSim[c];
                if (value > pickValue) {
                    pickValue = value;
                    pick = c;
                }
            }
            used[pick] = true;
            chosen.add(best[pick]);
            for (int c = 0; c < size; c++) {
                if (!used[c]) {
                    maxSim[c] = Math.max(maxSim[c], content.similarity(candidates[best[c]], candidates[best[pick]]));
                }
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Why item j was recommended to user u, from the sources that gave it most, strongest first. */
    private List<String> reasons(int u, int j, Parts parts, Preferences prefs, ListWeights weights) {
        Source[] sources = Source.values();
        double[] contribution = new double[sources.length];
        for (Source source : sources) contribution[source.ordinal()] = contribution(source, j, parts, weights);
        Integer[] order = java.util.stream.IntStream.range(0, sources.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (a, b) -> Double.compare(contribution[b], contribution[a]));
        List<String> reasons = new ArrayList<>();
        for (int p : order) {
            if (contribution[p] <= 0) continue;
            String reason = switch (sources[p]) {
                case REPEAT -> repeatReason(u, j);
                case COLLABORATIVE -> collaborativeReason(u, j);
                case CONTENT -> contentReason(u, j, prefs);
                case POPULARITY -> popularityReason(j, weights, reasons.isEmpty());
                case CUSTOMERS -> customersReason(parts.nearestCustomers(), j);
            };
            if (reason != null) reasons.add(reason);
        }
        if (prefs.likes(items.get(j))) reasons.add("in a category you like");
        sentimentReason(j).ifPresent(reasons::add);
        return reasons;
    }

    /** What a source adds to item j's score: its terms under the blend, and the item's prior for popularity. */
    private double contribution(Source source, int j, Parts parts, ListWeights w) {
        Blend b = w.blend();
        return switch (source) {
            case COLLABORATIVE -> b.apply(Term.COLLABORATIVE, parts.term(Term.COLLABORATIVE, j))
                    + b.apply(Term.EASE, parts.term(Term.EASE, j));
            case CONTENT -> b.apply(Term.CONTENT, parts.term(Term.CONTENT, j));
            case REPEAT -> b.apply(Term.REPEAT, parts.term(Term.REPEAT, j));
            // against the item that the prior values least, as a reason speaks of this item among the others
            case POPULARITY -> w.prior()[j] - w.termsLift();
            case CUSTOMERS -> b.apply(Term.CUSTOMERS, parts.term(Term.CUSTOMERS, j));
        };
    }

    /**
     * "selling more lately" when recent sales lift the item and outweigh its 90-day popularity, "popular in Z"
     * when its popularity (or buyer count) counts for it, "most of its buyers bought it again" when that does,
     * else nothing: a weight below zero lifts the prior of every item, and a fading item must not be called
     * popular for it.
     */
    private String popularityReason(int j, ListWeights w, boolean first) {
        Blend b = w.blend();
        if (b.apply(Term.RECENT_SALES, recentSales[j]) > 0 && recentSales[j] > popularityScaled[j]) return "selling more lately";
        double popular = b.apply(Term.POPULARITY, popularityScaled[j]) + b.apply(Term.BUYERS, buyers[j]);
        if (popular > 0 && (first || popular > 0.05)) return "popular in " + items.get(j).category();
        return b.apply(Term.REBUY_RATE, rebuyRate[j]) > 0 && rebuyRate[j] >= 0.5 ? "most of its buyers bought it again" : null;
    }

    private String repeatReason(int u, int j) {
        int[] its = m.itemsOf(u);
        int k = java.util.Arrays.binarySearch(its, j);
        if (k < 0) return null;
        double times = m.strengthsOf(u)[k];
        return "you bought it " + (times == Math.rint(times) && times >= 1 ? (int) times + (times == 1 ? " time" : " times")
                : "before") + ", last on " + m.lastBoughtOf(u)[k].toLocalDate();
    }

    private String customersReason(int[] nearest, int j) {
        int n = similarCustomers.boughtBy(nearest, j);
        if (n == 0) return null;
        return nearest.length == 1 ? "bought by the customer who shops most like you"
                : "bought by " + n + " of the " + nearest.length + " customers who shop most like you";
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
            if (i == j || !sameCategory(i, j)) continue;
            double s = content.similarity(i, j);
            if (s > bestSim) {
                bestSim = s;
                best = i;
            }
        }
        return best < 0 ? null : "similar to " + items.get(best).name() + ", which you bought";
    }

    /**
     * Whether "similar to" may name one item for the other: texts of different categories meet on a colour or
     * a brand ("Pressure Cooker (Maroon)" and "Dumbbell Set (Maroon)"), which the reader would not call similar.
     * A catalogue without categories has only its texts to go by.
     */
    private boolean sameCategory(int a, int b) {
        String one = items.get(a).category(), other = items.get(b).category();
        return (one == null || one.isBlank()) ? other == null || other.isBlank() : one.equals(other);
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
    public Blend newItemsBlend() { return newItemsLists.blend(); }
    public boolean knowsUser(String userId) { return m.userIndex(userId) != null || preferences.containsKey(userId); }
    public boolean knowsItem(String productId) { return m.itemIndex(productId) != null; }
}
