package io.storefront.generator;

import java.util.SplittableRandom;

/** Indian states and cities, as in the original application's data, weighted by market size. */
final class Geography {

    private static final String[][] STATES = {
            {"Maharashtra", "Mumbai", "Pune", "Nagpur"},
            {"Delhi", "Delhi"},
            {"Karnataka", "Bengaluru", "Mysuru"},
            {"Tamil Nadu", "Chennai", "Coimbatore"},
            {"Uttar Pradesh", "Lucknow", "Kanpur", "Mathura", "Allahabad"},
            {"Gujarat", "Ahmedabad", "Surat"},
            {"West Bengal", "Kolkata"},
            {"Rajasthan", "Jaipur", "Udaipur"},
            {"Madhya Pradesh", "Indore", "Bhopal"},
            {"Telangana", "Hyderabad"},
            {"Kerala", "Thiruvananthapuram", "Kochi"},
            {"Punjab", "Amritsar", "Ludhiana"},
            {"Bihar", "Patna"},
            {"Andhra Pradesh", "Visakhapatnam"},
            {"Haryana", "Gurugram", "Chandigarh"},
            {"Goa", "Goa"},
            {"Jammu and Kashmir", "Srinagar"},
            {"Sikkim", "Gangtok"},
    };
    private static final double[] WEIGHTS = {18, 14, 11, 9, 10, 7, 6, 5, 5, 6, 4, 3, 3, 3, 4, 1, 1, 0.5};

    private final Alias states = new Alias(WEIGHTS);

    /** Picks a state and one of its cities; returns {state, city}. */
    String[] pick(SplittableRandom random) {
        String[] state = STATES[states.next(random)];
        return new String[] {state[0], state[1 + random.nextInt(state.length - 1)]};
    }
}
