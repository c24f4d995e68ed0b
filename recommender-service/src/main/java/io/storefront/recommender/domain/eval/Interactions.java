package io.storefront.recommender.domain.eval;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users × items with the strength of each pair (distinct invoices) and when it was last bought,
 * held per user as parallel arrays sorted by item; the training matrix every model reads.
 */
public final class Interactions {

    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, Integer> items = new HashMap<>();
    private final List<String> itemIds = new ArrayList<>();
    private final List<String> itemNames = new ArrayList<>();
    private int[][] userItems;
    private double[][] userStrength;
    private LocalDateTime[][] userLast;

    private Interactions() {
    }

    public static Interactions of(List<RetailData.Line> lines) {
        Interactions m = new Interactions();
        Map<Integer, Map<Integer, Set<String>>> invoices = new HashMap<>();
        Map<Integer, Map<Integer, LocalDateTime>> last = new HashMap<>();
        Map<Integer, Map<String, Integer>> descriptions = new HashMap<>();
        for (RetailData.Line l : lines) {
            int u = m.users.computeIfAbsent(l.customer(), k -> m.users.size());
            int i = m.items.computeIfAbsent(l.item(), k -> {
                m.itemIds.add(k);
                return m.itemIds.size() - 1;
            });
            invoices.computeIfAbsent(u, k -> new HashMap<>()).computeIfAbsent(i, k -> new HashSet<>()).add(l.invoice());
            last.computeIfAbsent(u, k -> new HashMap<>()).merge(i, l.time(), (a, b) -> a.isAfter(b) ? a : b);
            if (l.description() != null && !l.description().isBlank()) {
                descriptions.computeIfAbsent(i, k -> new HashMap<>()).merge(l.description(), 1, Integer::sum);
            }
        }
        for (int i = 0; i < m.itemIds.size(); i++) {
            Map<String, Integer> d = descriptions.getOrDefault(i, Map.of());
            m.itemNames.add(d.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(""));
        }
        int n = m.users.size();
        m.userItems = new int[n][];
        m.userStrength = new double[n][];
        m.userLast = new LocalDateTime[n][];
        for (int u = 0; u < n; u++) {
            Map<Integer, Set<String>> row = invoices.get(u);
            int[] its = row.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            m.userItems[u] = its;
            m.userStrength[u] = new double[its.length];
            m.userLast[u] = new LocalDateTime[its.length];
            for (int k = 0; k < its.length; k++) {
                m.userStrength[u][k] = row.get(its[k]).size();
                m.userLast[u][k] = last.get(u).get(its[k]);
            }
        }
        return m;
    }

    public int users() {
        return userItems.length;
    }

    public int items() {
        return itemIds.size();
    }

    public Integer userIndex(String customer) {
        return users.get(customer);
    }

    public Integer itemIndex(String item) {
        return items.get(item);
    }

    public String itemId(int item) {
        return itemIds.get(item);
    }

    /** The most frequent description of the item in training. */
    public String itemName(int item) {
        return itemNames.get(item);
    }

    /** The user's items, ascending. */
    public int[] itemsOf(int user) {
        return userItems[user];
    }

    public double[] strengthsOf(int user) {
        return userStrength[user];
    }

    public LocalDateTime[] lastBoughtOf(int user) {
        return userLast[user];
    }

    public long pairs() {
        long n = 0;
        for (int[] row : userItems) n += row.length;
        return n;
    }
}
