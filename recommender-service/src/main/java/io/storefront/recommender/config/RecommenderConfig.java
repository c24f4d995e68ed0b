package io.storefront.recommender.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "recommender")
public interface RecommenderConfig {

    /** Products or interactions in one JSON batch at most; bigger loads go in several batches or a CSV import. */
    @WithDefault("5000")
    int maxBatch();

    /** Items in one answer at most ({@code k}). */
    @WithDefault("100")
    int maxK();

    Sync sync();

    Model model();

    /** Reading purchases from analytics and product sentiment from the sentiment service. */
    interface Sync {
        /** Whether the feeds are read on a schedule (on-demand syncs work either way). */
        @WithDefault("true")
        boolean enabled();

        /** How often the feeds are read. */
        @WithDefault("60s")
        Duration every();

        /** Orders (or sentiment summaries) asked for per page. */
        @WithDefault("2000")
        int pageSize();

        /** A feed not read successfully for this long is reported stale in health and status. */
        @WithDefault("10m")
        Duration staleAfter();
    }

    /** The hybrid model; the defaults are the settings chosen on Online Retail's validation split. */
    interface Model {
        /** Neighbours kept per item in the co-purchase graph. */
        @WithDefault("50")
        int neighbours();

        /** Co-purchase neighbours of the user's items in the blend (the similar items and baskets use them anyway). */
        @WithDefault("0.0")
        double collaborativeWeight();

        @WithDefault("0.3")
        double contentWeight();

        @WithDefault("4.0")
        double repeatWeight();

        @WithDefault("0.15")
        double popularityWeight();

        /** Half-life of a user's own purchases in their profile. */
        @WithDefault("365")
        double recencyHalfLifeDays();

        /** Half-life of a purchase in "popular now". */
        @WithDefault("90")
        double popularityHalfLifeDays();

        /** Score multiplier (1 + this) for items in a user's preferred categories. */
        @WithDefault("0.5")
        double preferenceBoost();

        /** Score multiplier 1 + this × mean review polarity (shrunk by review count). */
        @WithDefault("0.2")
        double sentimentWeight();

        /** Reviews that count as "no evidence" in the shrinkage: n / (n + this). */
        @WithDefault("5")
        int sentimentPriorReviews();

        /** MMR trade-off: 0 = relevance only, 1 = diversity only. */
        @WithDefault("0.15")
        double diversity();

        /**
         * EASE^R (Steck 2019) over this many of the most bought items as a fifth source; 0 leaves it out.
         * Its build holds three items² matrices of doubles (2,000 items: 96 MB for a few seconds).
         */
        @WithDefault("0")
        int easeItems();

        @WithDefault("1.0")
        double easeWeight();

        @WithDefault("250")
        double easeLambda();

        /**
         * Customers who shop most like a user (cosine over their items' strengths, after TIFU-KNN) whose
         * purchases make a source; 0 leaves it out.
         */
        @WithDefault("150")
        int customerNeighbours();

        @WithDefault("4.0")
        double customerWeight();

        /** The blend for lists that leave out what the user bought (excludeBought), chosen for the "new" variant. */
        NewItems newItems();

        interface NewItems {
            @WithDefault("0.5")
            double collaborativeWeight();

            @WithDefault("0.3")
            double contentWeight();

            /** The 90-day popularity's weight; below zero (with the recent sales' weight), fading items sink. */
            @WithDefault("0.05")
            double popularityWeight();

            @WithDefault("100")
            int customerNeighbours();

            @WithDefault("0.5")
            double customerWeight();

            /** EASE^R over this many of the most bought items in these lists (0: none); 1,000 items hold 8 MB. */
            @WithDefault("1000")
            int easeItems();

            @WithDefault("1.0")
            double easeWeight();

            @WithDefault("250")
            double easeLambda();

            /**
             * Sales over the last 30 days (half-life), scaled to the best seller's; with a popularity weight below
             * zero, what sells more lately rises (see Recommender.Settings#withTrend). 0: off. Online Retail's
             * validation chose 4 with popularity −4.75 (new NDCG 0.124 → 0.134), a store with steady sales loses by it.
             */
            @WithDefault("0")
            double recentPopularityWeight();

            /**
             * Learning these weights from the store's own purchases at each build (NewItemsLearning): the weights
             * above are the fallback, used when the learned ones do not rank held-out customers better.
             */
            Learn learn();

            interface Learn {
                @WithDefault("true")
                boolean enabled();

                /** What customers bought in the last this-many days is what the weights learn to predict. */
                @WithDefault("90")
                int holdoutDays();

                /** Customers read at most (drawn at random): each costs about one recommendation request. */
                @WithDefault("2000")
                int maxCustomers();
            }
        }

        /** Rebuild after a sync brought new data, at most this often (a rebuild can be asked for any time). */
        @WithDefault("5m")
        Duration rebuildAtMostEvery();

        /** What a shop event weighs against a purchase (1) in the model. */
        @WithDefault("0.1")
        double viewWeight();

        @WithDefault("0.3")
        double cartWeight();

        /** A rating of 4–5 stars; lower ratings are not counted as interest. */
        @WithDefault("0.5")
        double goodRatingWeight();
    }
}
