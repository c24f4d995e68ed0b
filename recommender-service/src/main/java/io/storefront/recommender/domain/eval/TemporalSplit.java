package io.storefront.recommender.domain.eval;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protocol's split: training is every line before the cut; a user's test items are what they
 * bought from the cut on (up to {@code end}, exclusive, when given), kept only for users with
 * training history and items seen in training. Interaction strength is the number of distinct invoices.
 */
public final class TemporalSplit {

    private final Interactions train;
    private final Map<Integer, Set<Integer>> test = new LinkedHashMap<>();

    private TemporalSplit(Interactions train) {
        this.train = train;
    }

    public static TemporalSplit of(List<RetailData.Line> lines, LocalDateTime cut, LocalDateTime end) {
        List<Interactions.Event> events = new ArrayList<>(lines.size());
        for (RetailData.Line l : lines) events.add(new Interactions.Event(l.customer(), l.item(), l.invoice(), l.time(), 1));
        return ofEvents(events, cut, end);
    }

    /** The same split over any store's events (purchases, or any interaction that counts as one). */
    public static TemporalSplit ofEvents(List<Interactions.Event> events, LocalDateTime cut, LocalDateTime end) {
        List<Interactions.Event> before = new ArrayList<>();
        for (Interactions.Event e : events) if (e.time().isBefore(cut)) before.add(e);
        TemporalSplit split = new TemporalSplit(Interactions.of(before, List.of()));
        Map<String, Set<String>> bought = new HashMap<>();
        for (Interactions.Event e : events) {
            if (e.time().isBefore(cut) || (end != null && !e.time().isBefore(end))) continue;
            bought.computeIfAbsent(e.user(), k -> new HashSet<>()).add(e.item());
        }
        for (var e : bought.entrySet()) {
            Integer user = split.train.userIndex(e.getKey());
            if (user == null) continue;
            Set<Integer> items = new HashSet<>();
            for (String item : e.getValue()) {
                Integer i = split.train.itemIndex(item);
                if (i != null) items.add(i);
            }
            if (!items.isEmpty()) split.test.put(user, items);
        }
        return split;
    }

    public Interactions train() {
        return train;
    }

    /** Each test user's ground truth (item indexes of the training catalogue). */
    public Map<Integer, Set<Integer>> test() {
        return test;
    }
}
