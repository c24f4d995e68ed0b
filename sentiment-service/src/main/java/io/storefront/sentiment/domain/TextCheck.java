package io.storefront.sentiment.domain;

/**
 * Whether a string is text a person wrote: binary data sent as a string (NUL bytes, control
 * characters, replacement characters from a failed decoding) is refused before it reaches the taggers.
 */
public final class TextCheck {

    private TextCheck() {
    }

    /** Why the string is not text, or null when it is. */
    public static String problem(String text) {
        int odd = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == 0) return "contains NUL characters: binary data, not text";
            if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFD') odd++;
        }
        if (odd > 0 && odd * 20 > text.length()) {
            return odd + " of its " + text.length() + " characters are control or undecodable characters: binary data, not text";
        }
        return null;
    }
}
