package io.storefront.recommender.domain.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF over each item's text (name, description, category, sub-category): unit-length sparse
 * vectors and an inverted index, so that one item or a user profile is compared with the whole
 * catalogue by walking only the postings of its terms. Sub-linear term frequency (1 + log tf),
 * smoothed idf; the name counts twice because it says most about what the item is.
 */
public final class ContentIndex {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
            "from", "has", "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "with", "your",
            "you", "our", "set", "pack", "new");

    /** A sparse unit vector: term ids ascending with their weights. */
    public record Vector(int[] terms, float[] weights) {
        static final Vector EMPTY = new Vector(new int[0], new float[0]);

        public double dot(Vector other) {
            double s = 0;
            int a = 0;
            int b = 0;
            while (a < terms.length && b < other.terms.length) {
                if (terms[a] == other.terms[b]) s += weights[a++] * other.weights[b++];
                else if (terms[a] < other.terms[b]) a++;
                else b++;
            }
            return s;
        }
    }

    private final List<String> vocabulary = new ArrayList<>();
    private final Map<String, Integer> termIds = new HashMap<>();
    private final Vector[] vectors;
    private final int[][] postingItems;
    private final float[][] postingWeights;

    /** {@code texts[i]} is item i's text; empty for items without one. */
    public ContentIndex(List<String> texts) {
        Map<String, Integer> ids = termIds;
        List<Map<Integer, Integer>> counts = new ArrayList<>(texts.size());
        List<Integer> df = new ArrayList<>();
        for (String text : texts) {
            Map<Integer, Integer> tf = new HashMap<>();
            for (String token : tokens(text)) {
                int id = ids.computeIfAbsent(token, t -> {
                    vocabulary.add(t);
                    df.add(0);
                    return vocabulary.size() - 1;
                });
                if (tf.merge(id, 1, Integer::sum) == 1) df.set(id, df.get(id) + 1);
            }
            counts.add(tf);
        }
        int n = texts.size();
        vectors = new Vector[n];
        int[] postings = new int[vocabulary.size()];
        for (int i = 0; i < n; i++) {
            Map<Integer, Integer> tf = counts.get(i);
            int[] terms = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            float[] weights = new float[terms.length];
            double norm = 0;
            for (int t = 0; t < terms.length; t++) {
                double idf = Math.log((1.0 + n) / (1.0 + df.get(terms[t]))) + 1;
                double w = (1 + Math.log(tf.get(terms[t]))) * idf;
                weights[t] = (float) w;
                norm += w * w;
                postings[terms[t]]++;
            }
            norm = Math.sqrt(norm);
            for (int t = 0; t < terms.length; t++) weights[t] /= (float) norm;
            vectors[i] = terms.length == 0 ? Vector.EMPTY : new Vector(terms, weights);
            counts.set(i, null);
        }
        postingItems = new int[postings.length][];
        postingWeights = new float[postings.length][];
        for (int t = 0; t < postings.length; t++) {
            postingItems[t] = new int[postings[t]];
            postingWeights[t] = new float[postings[t]];
        }
        int[] fill = new int[postings.length];
        for (int i = 0; i < n; i++) {
            Vector v = vectors[i];
            for (int t = 0; t < v.terms.length; t++) {
                int term = v.terms[t];
                postingItems[term][fill[term]] = i;
                postingWeights[term][fill[term]++] = v.weights[t];
            }
        }
    }

    /** Lower-case words of two letters or more, without stop words; digits kept inside words (e.g. "5g"). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (raw.length() < 2 || STOP_WORDS.contains(raw) || raw.chars().allMatch(Character::isDigit)) continue;
            out.add(raw);
        }
        return out;
    }

    /** The text an item is indexed by: its name twice, then description, category and sub-category. */
    public static String itemText(String name, String description, String category, String subCategory) {
        return String.join(" ", name, name, description == null ? "" : description, category, subCategory);
    }

    public int items() {
        return vectors.length;
    }

    public Vector vector(int item) {
        return vectors[item];
    }

    /** Cosine of two items' texts. */
    public double similarity(int a, int b) {
        return vectors[a].dot(vectors[b]);
    }

    /**
     * A user's taste: the weighted sum of their items' vectors and of extra words (preferred categories),
     * cut to its {@code maxTerms} strongest terms (the tail adds little but costs a walk of its postings),
     * unit length.
     */
    public Vector profile(int[] items, double[] weights, List<String> extraWords, double extraWeight, int maxTerms) {
        Map<Integer, Double> sum = new HashMap<>();
        for (int k = 0; k < items.length; k++) {
            Vector v = vectors[items[k]];
            for (int t = 0; t < v.terms.length; t++) sum.merge(v.terms[t], weights[k] * v.weights[t], Double::sum);
        }
        for (String word : extraWords) {
            for (String token : tokens(word)) {
                Integer id = termIds.get(token);
                if (id != null) sum.merge(id, extraWeight, Double::sum);
            }
        }
        int[] terms = sum.entrySet().stream().sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .limit(maxTerms).mapToInt(Map.Entry::getKey).sorted().toArray();
        float[] w = new float[terms.length];
        double norm = 0;
        for (int t = 0; t < terms.length; t++) {
            double x = sum.get(terms[t]);
            w[t] = (float) x;
            norm += x * x;
        }
        if (norm == 0) return Vector.EMPTY;
        norm = Math.sqrt(norm);
        for (int t = 0; t < terms.length; t++) w[t] /= (float) norm;
        return new Vector(terms, w);
    }

    /** Adds the cosine of {@code query} with every item to {@code scores} (times {@code weight}). */
    public void score(Vector query, double weight, double[] scores) {
        for (int t = 0; t < query.terms.length; t++) {
            int term = query.terms[t];
            double q = weight * query.weights[t];
            int[] items = postingItems[term];
            float[] ws = postingWeights[term];
            for (int p = 0; p < items.length; p++) scores[items[p]] += q * ws[p];
        }
    }

    /** The terms two items share, strongest first (for "similar to" reasons). */
    public List<String> sharedTerms(int a, int b, int limit) {
        Vector x = vectors[a];
        Vector y = vectors[b];
        List<int[]> shared = new ArrayList<>();
        List<Float> weight = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.terms.length && j < y.terms.length) {
            if (x.terms[i] == y.terms[j]) {
                shared.add(new int[] {x.terms[i]});
                weight.add(x.weights[i] * y.weights[j]);
                i++;
                j++;
            } else if (x.terms[i] < y.terms[j]) i++;
            else j++;
        }
        Integer[] order = new Integer[shared.size()];
        for (int k = 0; k < order.length; k++) order[k] = k;
        Arrays.sort(order, (p, q) -> Float.compare(weight.get(q), weight.get(p)));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < Math.min(limit, order.length); k++) out.add(vocabulary.get(shared.get(order[k])[0]));
        return out;
    }

    public int terms() {
        return vocabulary.size();
    }
}
