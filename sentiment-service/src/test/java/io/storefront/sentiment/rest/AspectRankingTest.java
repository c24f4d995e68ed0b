package io.storefront.sentiment.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storefront.sentiment.repository.ReviewRepository.AspectFigures;
import io.storefront.sentiment.rest.ReviewResponses.AspectJson;
import io.storefront.sentiment.rest.ReviewResponses.ProductSentimentJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class AspectRankingTest {

    private static final List<AspectFigures> ASPECTS = List.of(
            new AspectFigures("zipper", 4, 4, 0.01), // praised in two reviews, criticised in two
            new AspectFigures("battery", 2, 3, -0.4),
            new AspectFigures("strap", 1, 1, -0.6),
            new AspectFigures("screen", 1, 1, 0.5),
            new AspectFigures("box", 3, 3, -0.04));

    @Test
    void aMixedAspectIsNeitherPraisedNorCriticised() {
        assertEquals(List.of("screen"), names(ProductSentimentJson.ranked(ASPECTS, 1)));
        assertEquals(List.of("battery", "strap"), names(ProductSentimentJson.ranked(ASPECTS, -1)),
                "two reviews at -0.4 outweigh one at -0.6; the box, at -0.04, is mixed");
    }

    private static List<String> names(List<AspectJson> aspects) {
        return aspects.stream().map(AspectJson::aspect).toList();
    }
}
