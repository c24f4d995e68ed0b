package io.storefront.commons.problem;

/**
 * PostgreSQL's text and jsonb cannot hold the NUL character (U+0000), so a value with one is the client's bad
 * input, refused before it reaches the database: a row that has one as a row, a path or query parameter by
 * {@link NulCharacterFilter}. So is a JSON string with an unpaired surrogate ({@code "\ud800"}), which is not
 * Unicode text: the database client would store {@code ?} in its place, silently another id.
 */
public final class StoredText {

    /** What a field with a NUL character is told, the same in every service. */
    public static final String NUL_MESSAGE = "contains a NUL character (U+0000), which text cannot hold";
    public static final String SURROGATE_MESSAGE = "contains an unpaired surrogate (U+D800 to U+DFFF), which is not text";

    private StoredText() {
    }

    /** Whether any of the values (nulls allowed) has a NUL character. */
    public static boolean hasNul(String... values) {
        for (String value : values) {
            if (value != null && value.indexOf('\0') >= 0) return true;
        }
        return false;
    }

    /** The violation of {@code field} when one of its values cannot be stored as it is, or null. */
    public static Problem.Violation violation(String field, String... values) {
        String problem = problem(values);
        return problem == null ? null : Problem.Violation.of(field, problem);
    }

    /** Why the values (nulls allowed) cannot be stored as they are, or null when they can. */
    public static String problem(String... values) {
        for (String value : values) {
            if (value == null) continue;
            if (value.indexOf('\0') >= 0) return NUL_MESSAGE;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return SURROGATE_MESSAGE;
                }
            }
        }
        return null;
    }
}
