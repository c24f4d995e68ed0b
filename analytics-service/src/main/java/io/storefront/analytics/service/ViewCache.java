package io.storefront.analytics.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache of computed views. Keys carry the data version, so an
 * import makes older entries unreachable instead of stale; they age out as new ones arrive.
 */
public final class ViewCache<K, V> {

    private final Map<K, V> entries;

    public ViewCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The cached value of {@code key}, or {@code compute}'s, which is then cached (failures are not). */
    public <T extends V> io.smallrye.mutiny.Uni<T> getOrCompute(K key, java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> compute) {
        @SuppressWarnings("unchecked") T hit = (T) get(key);
        if (hit != null) {
            return io.smallrye.mutiny.Uni.createFrom().item(hit);
        }
        return compute.get().invoke(value -> put(key, value));
    }
}
