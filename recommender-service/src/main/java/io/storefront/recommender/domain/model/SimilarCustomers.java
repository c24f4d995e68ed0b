package io.storefront.recommender.domain.model;

import io.storefront.recommender.domain.eval.Interactions;
import java.util.Arrays;

/**
 * What the customers who shop most like a user bought, after TIFU-KNN (Hu, He, Ji &amp; Zhang, SIGIR 2020)
 * without its time-decayed basket groups, which changed nothing on Online Retail: a customer is the
 * strengths of their items scaled to their strongest one; the nearest customers are those with the
 * highest cosine; the score of an item is its mean scaled strength among them.
 */
public final class SimilarCustomers {

    private final int[][] itemsOf;
    private final double[][] valuesOf;
    private final double[] squaredNorms;
    /** Per item, who bought it and their scaled strength for it. */
    private final int[][] buyers;
    private final double[][] buyerValues;

    public SimilarCustomers(Interactions m) {
        int users = m.users();
        itemsOf = new int[users][];
        valuesOf = new double[users][];
        squaredNorms = new double[users];
        int[] count = new int[m.items()];
        for (int u = 0; u < users; u++) {
            int[] its = m.itemsOf(u);
            double[] strength = m.strengthsOf(u);
            double top = 0;
            for (double s : strength) top = Math.max(top, s);
            double[] scaled = new double[its.length];
            for (int k = 0; k < its.length; k++) {
                scaled[k] = top > 0 ? Math.max(0, strength[k]) / top : 0;
                squaredNorms[u] += scaled[k] * scaled[k];
                count[its[k]]++;
            }
            itemsOf[u] = its;
            valuesOf[u] = scaled;
        }
        buyers = new int[m.items()][];
        buyerValues = new double[m.items()][];
        for (int i = 0; i < count.length; i++) {
            buyers[i] = new int[count[i]];
            buyerValues[i] = new double[count[i]];
        }
        int[] fill = new int[m.items()];
        for (int u = 0; u < users; u++) {
            for (int k = 0; k < itemsOf[u].length; k++) {
                int i = itemsOf[u][k];
                buyers[i][fill[i]] = u;
                buyerValues[i][fill[i]++] = valuesOf[u][k];
            }
        }
    }

    /** A request's working memory, reused across requests: a dot product per customer and the neighbours found. */
    public static final class Work {
        private final double[] dot;
        private final Candidates reached;
        private final Candidates items;
        private double[] cosines = new double[64];
        private double[] itemScores = new double[64];
        private int[] nearest = new int[0];

        public Work(int users, int catalogue) {
            dot = new double[users];
            reached = new Candidates(users);
            items = new Candidates(catalogue);
        }

        /** The customers found nearest by the last {@link #spread}, nearest first. */
        public int[] nearest() {
            return nearest;
        }
    }

    public Work work() {
        return new Work(itemsOf.length, buyers.length);
    }

    /**
     * Adds to {@code into} the mean scaled strength of every item among the {@code k} customers nearest to
     * {@code user}; the {@code candidates} best of those items join {@code touched}, and the others keep a
     * score only when another source already touched them (what is not touched is not cleared after the
     * request, so it must stay 0). {@code work.nearest()} holds the customers.
     */
    public void spread(int user, int k, int candidates, double[] into, Candidates touched, Work work) {
        int[] its = itemsOf[user];
        double[] vals = valuesOf[user];
        for (int c = 0; c < its.length; c++) {
            int[] who = buyers[its[c]];
            double[] theirs = buyerValues[its[c]];
            for (int x = 0; x < who.length; x++) {
                int other = who[x];
                if (other == user) continue;
                work.reached.add(other);
                work.dot[other] += vals[c] * theirs[x];
            }
        }
        int n = work.reached.size();
        if (work.cosines.length < n) work.cosines = new double[Math.max(n, 2 * work.cosines.length)];
        double[] cosines = work.cosines;
        for (int r = 0; r < n; r++) {
            int other = work.reached.get(r);
            double norms = squaredNorms[user] * squaredNorms[other];
            // a customer whose every strength is 0 (only events that weigh nothing) is like no one
            cosines[r] = norms > 0 ? work.dot[other] / Math.sqrt(norms) : 0;
            work.dot[other] = 0;
        }
        int[] best = TopK.of(cosines, n, k);
        int found = 0;
        while (found < best.length && cosines[best[found]] > 0) found++;
        int[] nearest = new int[found];
        for (int b = 0; b < found; b++) nearest[b] = work.reached.get(best[b]);
        work.reached.clear();
        work.nearest = nearest;
        for (int other : nearest) {
            for (int c = 0; c < itemsOf[other].length; c++) {
                int i = itemsOf[other][c];
                into[i] += valuesOf[other][c] / nearest.length;
                work.items.add(i);
            }
        }
        // a hundred and fifty customers buy thousands of items; only the best few are worth scoring further
        int m = work.items.size();
        if (work.itemScores.length < m) work.itemScores = new double[Math.max(m, 2 * work.itemScores.length)];
        for (int r = 0; r < m; r++) work.itemScores[r] = into[work.items.get(r)];
        for (int b : TopK.of(work.itemScores, m, candidates)) touched.add(work.items.get(b));
        for (int r = 0; r < m; r++) {
            int i = work.items.get(r);
            if (!touched.contains(i)) into[i] = 0;
        }
        work.items.clear();
    }

    /** How many of {@code customers} bought {@code item}. */
    public int boughtBy(int[] customers, int item) {
        int n = 0;
        for (int other : customers) if (Arrays.binarySearch(itemsOf[other], item) >= 0) n++;
        return n;
    }
}
