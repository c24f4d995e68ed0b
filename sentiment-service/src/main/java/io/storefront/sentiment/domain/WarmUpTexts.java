package io.storefront.sentiment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Review-like texts to score before a fresh service takes traffic: every rule of the scorer (negation,
 * contrast, intensifiers, comparatives, emphasis, emoji, several sentences) and the common opinion words, so
 * that the JIT compiles the paths real reviews take and the lemma cache holds the words they use.
 */
public final class WarmUpTexts {

    private static final String[] THINGS = {"battery", "delivery", "size", "fabric", "screen", "price", "quality",
        "service", "packaging", "colour", "sound", "fit", "seller", "instructions", "handle", "strap", "charger",
        "taste", "smell", "material"};
    private static final String[] OPINIONS = {"good", "great", "excellent", "perfect", "amazing", "nice", "lovely",
        "comfortable", "sturdy", "cheap", "bad", "poor", "terrible", "awful", "broken", "flimsy", "slow", "late",
        "disappointing", "useless", "fine", "okay", "decent", "solid", "beautiful", "ugly", "loud", "quiet", "soft",
        "rough"};
    private static final String[] TEMPLATES = {
        "The %s is %s.",
        "The %s was not %s at all.",
        "I love how %2$s the %1$s is!",
        "The %s looked %s, but it stopped working after a week.",
        "Although the %s is %s, I would buy it again.",
        "Really %2$s %1$s, much better than my old one :)",
        "The %s is very %s and the delivery was quick. Five stars 👍",
        "Not the most %2$s %1$s, but it could have been worse.",
        "VERY %2$s %1$s!!! Would not recommend.",
        "The %s seems %s; the box was damaged and nobody answered my emails.",
    };

    private WarmUpTexts() {
    }

    /** {@code count} texts, the same ones every time. */
    public static List<String> of(int count) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String template = TEMPLATES[i % TEMPLATES.length];
            String thing = THINGS[(i / TEMPLATES.length) % THINGS.length];
            String opinion = OPINIONS[(i / (TEMPLATES.length * THINGS.length) + i) % OPINIONS.length];
            texts.add(template.formatted(thing, opinion));
        }
        return texts;
    }
}
