package io.storefront.sentiment.domain.nlp;

import java.util.List;

/** A sentence of a text with its character offsets and its tokens. */
public record Sentence(int start, int end, String text, List<Token> tokens) {
}
