package io.storefront.sentiment.domain.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The binarized features of a token list as NBSVM uses them: word n-grams (unigrams to {@code maxN})
 * and, optionally, the character 3- to 5-grams of each word with its boundaries ({@code <word>}),
 * which carry morphology ("-ly", "-ish", "un-") that word n-grams of a small data set miss.
 */
public final class NgramFeatures {

    private NgramFeatures() {
    }

    public static Set<String> of(List<String> tokens, int maxN) {
        Set<String> grams = new LinkedHashSet<>(tokens.size() * maxN);
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder gram = new StringBuilder(tokens.get(i));
            grams.add(gram.toString());
            for (int n = 2; n <= maxN && i + n <= tokens.size(); n++) {
                gram.append(' ').append(tokens.get(i + n - 1));
                grams.add(gram.toString());
            }
        }
        return grams;
    }

    public static Set<String> of(List<String> tokens, int maxN, boolean characters) {
        Set<String> grams = of(tokens, maxN);
        if (!characters) return grams;
        for (String token : new LinkedHashSet<>(tokens)) {
            String w = "<" + token + ">";
            for (int n = 3; n <= 5; n++) {
                for (int i = 0; i + n <= w.length(); i++) grams.add("#" + w.substring(i, i + n));
            }
        }
        return grams;
    }
}
