package io.storefront.recommender.domain.model;

import java.util.BitSet;
import java.util.PriorityQueue;

/** The k best items by score, skipping excluded ones; ties broken by the lower item index (stable). */
public final class TopK {

    private TopK() {
    }

    public static int[] of(double[] scores, int k, BitSet excluded) {
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, (a, b) -> {
            int c = Double.compare(scores[a], scores[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int i = 0; i < scores.length; i++) {
            if (excluded != null && excluded.get(i)) continue;
            if (heap.size() < k) {
                heap.add(i);
            } else {
                int worst = heap.peek();
                if (scores[i] > scores[worst] || (scores[i] == scores[worst] && i < worst)) {
                    heap.poll();
                    heap.add(i);
                }
            }
        }
        int[] top = new int[heap.size()];
        for (int r = top.length - 1; r >= 0; r--) top[r] = heap.poll();
        return top;
    }
}
