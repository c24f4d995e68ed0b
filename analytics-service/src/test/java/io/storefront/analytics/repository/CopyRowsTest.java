package io.storefront.analytics.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** COPY's text format by hand (PostgreSQL's documentation, "COPY ... Text Format"); StoredTextTest checks it against the server. */
class CopyRowsTest {

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        CopyRows.appendEscaped(out, value);
        return out.toString();
    }

    @Test
    void onlyBackslashTabAndLineBreaksAreEscaped() {
        assertEquals("plain caf\u00e9 \"quoted\" 100%", escaped("plain caf\u00e9 \"quoted\" 100%"));
        assertEquals("a\\\\b", escaped("a\\b"));
        assertEquals("\\\\N", escaped("\\N"), "a literal \\N is not NULL");
        assertEquals("one\\ttwo\\nthree\\rfour", escaped("one\ttwo\nthree\rfour"));
        assertEquals("end\\\\", escaped("end\\"));
        assertEquals("", escaped(""));
    }
}
