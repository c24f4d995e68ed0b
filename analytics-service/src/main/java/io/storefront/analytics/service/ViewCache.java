package io.storefront.analytics.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache of computed views. Keys carry the data version: the first key
 * of a newer version empties the cache, since nothing older will be asked for again (entries can be
 * large: a customer snapshot of a big store is a few hundred megabytes).
 */
public final class ViewCache<K extends ViewCache.Versioned, V> {

    /** A key that names the data version it was computed at. */
    public interface Versioned {
        long version();
    }

    /** Told of every {@link #getOrCompute} lookup: whether the view was cached. */
    public interface Lookups {
        Lookups NONE = hit -> { };

        void looked(boolean hit);
    }

    private final Map<K, V> entries;
    private final Lookups lookups;
    private long newest = Long.MIN_VALUE;

    public ViewCache(int capacity) {
        this(capacity, Lookups.NONE);
    }

    public ViewCache(int capacity, Lookups lookups) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.lookups = lookups;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        forgetOlderThan(key.version());
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        forgetOlderThan(key.version());
        if (key.version() < newest) {
            return; // computed from data that has since changed: nobody will ask for it
        }
        entries.put(key, value);
    }

    private void forgetOlderThan(long version) {
        if (version > newest) {
            newest = version;
            entries.clear();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The cached value of {@code key}, or {@code compute}'s, which is then cached (failures are not). */
    public <T extends V> io.smallrye.mutiny.Uni<T> getOrCompute(K key, java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> compute) {
        @SuppressWarnings("unchecked") T hit = (T) get(key);
        lookups.looked(hit != null);
        if (hit != null) {
            return io.smallrye.mutiny.Uni.createFrom().item(hit);
        }
        return compute.get().invoke(value -> put(key, value));
    }
}
