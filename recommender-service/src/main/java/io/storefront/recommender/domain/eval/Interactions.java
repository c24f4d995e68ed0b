package io.storefront.recommender.domain.eval;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Users × items with the strength of each pair and when it last happened, held per user as
 * parallel arrays sorted by item; the training matrix every model reads. Strength is the sum over
 * distinct baskets (orders, invoices, sessions) of the strongest event in that basket, so a product
 * bought in three orders weighs 3 and one only viewed weighs what a view is worth.
 */
public final class Interactions {

    /** One thing a user did with an item: {@code weight} 1 for a purchase, less for a view or a cart. */
    public record Event(String user, String item, String basket, LocalDateTime time, double weight) {
    }

    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, Integer> items = new HashMap<>();
    private final List<String> userIds = new ArrayList<>();
    private final List<String> itemIds = new ArrayList<>();
    private int[][] userItems;
    private double[][] userStrength;
    private LocalDateTime[][] userLast;

    private Interactions() {
    }

    /** The protocol's matrix: each kept invoice line is a purchase of weight 1 in its invoice. */
    public static Interactions of(List<RetailData.Line> lines) {
        List<Event> events = new ArrayList<>(lines.size());
        for (RetailData.Line l : lines) events.add(new Event(l.customer(), l.item(), l.invoice(), l.time(), 1));
        return of(events, List.of());
    }

    /**
     * The matrix of {@code events}. Items of {@code catalogue} come first, in its order, so that items
     * nobody has touched yet still have an index; the rest are numbered as they first appear.
     */
    public static Interactions of(List<Event> events, List<String> catalogue) {
        Interactions m = new Interactions();
        for (String id : catalogue) m.itemIndexOrAdd(id);
        int n = events.size();
        int[] user = new int[n];
        int[] item = new int[n];
        for (int e = 0; e < n; e++) {
            Event ev = events.get(e);
            user[e] = m.users.computeIfAbsent(ev.user(), k -> {
                m.userIds.add(k);
                return m.userIds.size() - 1;
            });
            item[e] = m.itemIndexOrAdd(ev.item());
        }
        // sorted by user, item, basket: one pass then sums each pair's baskets
        Integer[] order = new Integer[n];
        for (int e = 0; e < n; e++) order[e] = e;
        Arrays.sort(order, Comparator.<Integer>comparingInt(e -> user[e]).thenComparingInt(e -> item[e])
                .thenComparing(e -> events.get(e).basket()));
        int userCount = m.userIds.size();
        int[] pairsOf = new int[userCount];
        for (int r = 0; r < n; r++) {
            int e = order[r];
            if (r == 0 || user[order[r - 1]] != user[e] || item[order[r - 1]] != item[e]) pairsOf[user[e]]++;
        }
        m.userItems = new int[userCount][];
        m.userStrength = new double[userCount][];
        m.userLast = new LocalDateTime[userCount][];
        for (int u = 0; u < userCount; u++) {
            m.userItems[u] = new int[pairsOf[u]];
            m.userStrength[u] = new double[pairsOf[u]];
            m.userLast[u] = new LocalDateTime[pairsOf[u]];
        }
        int slot = -1;
        double basketMax = 0;
        for (int r = 0; r < n; r++) {
            int e = order[r];
            Event ev = events.get(e);
            int u = user[e];
            boolean newPair = r == 0 || user[order[r - 1]] != u || item[order[r - 1]] != item[e];
            boolean newBasket = newPair || !events.get(order[r - 1]).basket().equals(ev.basket());
            if (newPair) {
                slot = r == 0 || user[order[r - 1]] != u ? 0 : slot + 1;
                m.userItems[u][slot] = item[e];
                m.userLast[u][slot] = ev.time();
            } else if (ev.time().isAfter(m.userLast[u][slot])) {
                m.userLast[u][slot] = ev.time();
            }
            if (newBasket) {
                m.userStrength[u][slot] += ev.weight();
                basketMax = ev.weight();
            } else if (ev.weight() > basketMax) {
                m.userStrength[u][slot] += ev.weight() - basketMax;
                basketMax = ev.weight();
            }
        }
        return m;
    }

    private int itemIndexOrAdd(String id) {
        return items.computeIfAbsent(id, k -> {
            itemIds.add(k);
            return itemIds.size() - 1;
        });
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

    public String userId(int user) {
        return userIds.get(user);
    }

    public Integer itemIndex(String item) {
        return items.get(item);
    }

    public String itemId(int item) {
        return itemIds.get(item);
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
