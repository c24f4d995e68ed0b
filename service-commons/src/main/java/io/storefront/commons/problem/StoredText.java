package io.storefront.commons.problem;

/**
 * PostgreSQL's text and jsonb cannot hold the NUL character (U+0000), so a value with one is the client's bad
 * input, refused before it reaches the database: a row that has one as a row, a path or query parameter by
 * {@link NulCharacterFilter}.
 */
public final class StoredText {

    /** What a field with a NUL character is told, the same in every service. */
    public static final String NUL_MESSAGE = "contains a NUL character (U+0000), which text cannot hold";

    private StoredText() {
    }

    /** Whether any of the values (nulls allowed) has a NUL character. */
    public static boolean hasNul(String... values) {
        for (String value : values) {
            if (value != null && value.indexOf('\0') >= 0) return true;
        }
        return false;
    }
}
