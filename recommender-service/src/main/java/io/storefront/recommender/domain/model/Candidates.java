package io.storefront.recommender.domain.model;

import java.util.Arrays;

/**
 * The items one request has touched, each once: scoring then visits these instead of the whole
 * catalogue, so a request costs what its user's history and the popular lists touch, not 50k items.
 */
public final class Candidates {

    private final boolean[] marked;
    private int[] list = new int[1024];
    private int size;

    public Candidates(int items) {
        marked = new boolean[items];
    }

    public void add(int item) {
        if (marked[item]) return;
        marked[item] = true;
        if (size == list.length) list = Arrays.copyOf(list, size * 2);
        list[size++] = item;
    }

    public boolean contains(int item) {
        return marked[item];
    }

    public int size() {
        return size;
    }

    public int get(int index) {
        return list[index];
    }

    /** Forgets every item, in time proportional to how many were added. */
    public void clear() {
        for (int c = 0; c < size; c++) marked[list[c]] = false;
        size = 0;
    }
}
