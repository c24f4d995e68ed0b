package io.storefront.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Review titles and texts that agree with their rating, about the aspects shoppers of the
 * sub-category talk about; a small share is deliberately noisy (mixed or mismatched), as real reviews are.
 */
final class ReviewText {

    private static final String[][] OPINION = {
            {},
            {"terrible", "awful", "useless", "very poor", "a complete waste of money"},
            {"disappointing", "below average", "not good", "flimsy", "poor"},
            {"okay", "average", "decent for the price", "acceptable", "nothing special"},
            {"good", "nice", "solid", "comfortable", "really good"},
            {"excellent", "outstanding", "superb", "perfect", "absolutely amazing"}};
    private static final String[][] TITLES = {
            {},
            {"Do not buy", "Very disappointed", "Waste of money", "Returned it"},
            {"Not worth it", "Expected better", "Below expectations"},
            {"Okay product", "Average", "Does the job"},
            {"Good buy", "Happy with it", "Worth the money"},
            {"Excellent!", "Loved it", "Best purchase this year", "Highly recommended"}};
    private static final String[] CLOSING_POSITIVE = {"Would buy again.", "Highly recommend it!", "Great value.", ""};
    private static final String[] CLOSING_NEGATIVE = {"Would not recommend.", "Returning it.", "Avoid.", ""};
    private static final String[] CLOSING_NEUTRAL = {"It is fine for now.", "Might work for some.", ""};

    void write(StringBuilder out, SplittableRandom rng, long id, Catalog.Product product, int customer, LocalDate day) {
        int rating = rating(rng, product.quality());
        // 6 % noise: the text speaks one star level off in the other direction
        int textLevel = rng.nextDouble() < 0.06 ? Math.max(1, Math.min(5, rating + (rating >= 3 ? -2 : 2))) : rating;
        String[] aspects = product.sub().aspects();
        String a1 = aspects[rng.nextInt(aspects.length)];
        String a2 = aspects[rng.nextInt(aspects.length)];
        String o1 = OPINION[textLevel][rng.nextInt(OPINION[textLevel].length)];
        String text;
        if (textLevel == 3 && !a1.equals(a2)) {
            // mixed: a contrast the sentiment model has to weigh
            text = "The " + a1 + " is " + OPINION[4][rng.nextInt(OPINION[4].length)] + " but the " + a2
                    + " is " + OPINION[2][rng.nextInt(OPINION[2].length)] + ". " + closing(rng, CLOSING_NEUTRAL);
        } else {
            String o2 = OPINION[textLevel][rng.nextInt(OPINION[textLevel].length)];
            String noun = product.sub().nouns()[0].toLowerCase();
            text = "The " + a1 + " is " + o1 + ". " + capitalise(a2) + " is " + o2 + " for a " + noun + ". "
                    + closing(rng, textLevel >= 4 ? CLOSING_POSITIVE : CLOSING_NEGATIVE);
        }
        String title = TITLES[textLevel][rng.nextInt(TITLES[textLevel].length)];
        out.append('R').append(id).append(',').append(product.id()).append(",C").append(customer + 1).append(',')
                .append(rating).append(',');
        Csv.text(out, title).append(',');
        Csv.text(out, text.strip()).append(',');
        out.append(day.plusDays(2 + rng.nextInt(12))).append('\n');
    }

    private static int rating(SplittableRandom rng, double quality) {
        double score = 1 + quality * 4 + rng.nextGaussian() * 0.9;
        return (int) Math.max(1, Math.min(5, Math.round(score)));
    }

    private static String closing(SplittableRandom rng, String[] options) {
        return options[rng.nextInt(options.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
