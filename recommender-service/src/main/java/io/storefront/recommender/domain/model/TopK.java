package io.storefront.recommender.domain.model;

import java.util.BitSet;

/**
 * The k best items by score, skipping excluded ones; ties broken by the lower item index (stable).
 * A primitive min-heap of the k best so far: one comparison per item for most of a large catalogue,
 * no boxing (this runs on every request over up to the whole catalogue).
 */
public final class TopK {

    private TopK() {
    }

    public static int[] of(double[] scores, int k, BitSet excluded) {
        return of(scores, scores.length, k, excluded);
    }

    /** The k best of the first {@code length} scores (a reused array longer than this request's scores). */
    public static int[] of(double[] scores, int length, int k) {
        return of(scores, length, k, null);
    }

    private static int[] of(double[] scores, int length, int k, BitSet excluded) {
        int[] heap = new int[Math.max(0, Math.min(k, length))];
        int size = 0;
        for (int i = 0; i < length; i++) {
            if (excluded != null && excluded.get(i)) continue;
            if (size < heap.length) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (size > 0 && worse(heap[0], i, scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        // pop the worst first into the back of the answer
        int[] top = new int[size];
        for (int r = size - 1; r >= 0; r--) {
            top[r] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, scores);
        }
        return top;
    }

    /** Whether item a ranks below item b: a lower score, or the same score and a higher index. */
    private static boolean worse(int a, int b, double[] scores) {
        return scores[a] < scores[b] || (scores[a] == scores[b] && a > b);
    }

    private static void siftUp(int[] heap, int at, double[] scores) {
        int item = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!worse(item, heap[parent], scores)) break;
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = item;
    }

    private static void siftDown(int[] heap, int size, double[] scores) {
        if (size == 0) return;
        int at = 0;
        int item = heap[0];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && worse(heap[child + 1], heap[child], scores)) child++;
            if (!worse(heap[child], item, scores)) break;
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = item;
    }
}
