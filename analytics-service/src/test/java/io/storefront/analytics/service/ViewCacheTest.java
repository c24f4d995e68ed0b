package io.storefront.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ViewCacheTest {

    private record Key(long version, String view) implements ViewCache.Versioned {
    }

    @Test
    void aNewerVersionEmptiesTheCacheAndOlderResultsAreNotKept() {
        ViewCache<Key, String> cache = new ViewCache<>(10);
        cache.put(new Key(1, "a"), "a1");
        cache.put(new Key(1, "b"), "b1");
        assertEquals("a1", cache.get(new Key(1, "a")));
        assertNull(cache.get(new Key(2, "a")), "version 2 has nothing yet");
        assertEquals(0, cache.size(), "version 1 entries are gone");
        cache.put(new Key(1, "c"), "late result of version 1");
        assertNull(cache.get(new Key(1, "c")));
        cache.put(new Key(2, "a"), "a2");
        assertEquals("a2", cache.get(new Key(2, "a")));
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirst() {
        ViewCache<Key, String> cache = new ViewCache<>(2);
        cache.put(new Key(1, "a"), "a");
        cache.put(new Key(1, "b"), "b");
        cache.get(new Key(1, "a"));
        cache.put(new Key(1, "c"), "c");
        assertNull(cache.get(new Key(1, "b")));
        assertEquals("a", cache.get(new Key(1, "a")));
    }

    @Test
    void everyLookupIsReportedAsAHitOrAMiss() {
        java.util.List<Boolean> lookups = new java.util.ArrayList<>();
        ViewCache<Key, String> cache = new ViewCache<>(10, lookups::add);
        assertEquals("a1", cache.getOrCompute(new Key(1, "a"), () -> io.smallrye.mutiny.Uni.createFrom().item("a1"))
                .await().indefinitely());
        assertEquals("a1", cache.getOrCompute(new Key(1, "a"), () -> io.smallrye.mutiny.Uni.createFrom().item("other"))
                .await().indefinitely());
        cache.getOrCompute(new Key(2, "a"), () -> io.smallrye.mutiny.Uni.createFrom().item("a2")).await().indefinitely();
        assertEquals(java.util.List.of(false, true, false), lookups);
    }
}
