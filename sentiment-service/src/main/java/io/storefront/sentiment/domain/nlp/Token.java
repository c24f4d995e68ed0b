package io.storefront.sentiment.domain.nlp;

/**
 * One token of a sentence: its text as written, lower-cased, its Universal Dependencies POS tag
 * (ADJ, NOUN, VERB, AUX, PART, ...; contractions such as "isn't" come as one token tagged
 * {@code AUX+PART}) and its lemma, with character offsets into the whole text.
 */
public record Token(String text, String lower, String pos, String lemma, int start, int end) {

    public boolean isPos(String tag) {
        return pos.equals(tag);
    }

    /** Nouns, including the noun halves of joined tags; proper nouns count (brands, models). */
    public boolean isNoun() {
        return pos.equals("NOUN") || pos.equals("PROPN");
    }

    public boolean isPunctuation() {
        return pos.equals("PUNCT");
    }
}
