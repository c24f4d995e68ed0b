package io.storefront.sentiment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LexiconTest {

    /** An own word that VADER also has is never used (VADER's value wins), so it would only mislead a reader. */
    @Test
    void ownWordsAreOnlyWordsVaderLacks() throws IOException {
        Set<String> vader = new TreeSet<>();
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(Lexicon.VADER_RESOURCE)) {
            assertNotNull(in);
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .forEach(line -> vader.add(line.split("\t", 2)[0]));
        }
        Set<String> shadowed = new TreeSet<>(Lexicon.OWN_WORDS.keySet());
        shadowed.retainAll(vader);
        assertEquals(Set.of(), shadowed);
    }
}
