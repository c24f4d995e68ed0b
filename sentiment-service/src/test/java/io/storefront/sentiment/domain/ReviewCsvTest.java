package io.storefront.sentiment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ReviewCsvTest {

    /** Scraped marketplace exports: "Review" for the text, "Rate", and stars written out. */
    @Test
    void aScrapedExportIsReadWithItsOwnHeaderAndStars() throws Exception {
        String csv = "Review Id,Product Id,Rate,Review Summary,Review\n"
                + "r1,p1,4.0 out of 5 stars,Nice,Good kettle.\n"
                + "r2,p1,2/5,Meh,Too loud.\n"
                + "r3,p1,5 Stars,Great,Love it.\n"
                + "r4,p1,3,Fine,It works.\n"
                + "r5,p1,4.5 out of 5 stars,Hmm,Half a star.\n"
                + "r6,p1,excellent,Hmm,Not a number.\n";
        try (ReviewCsv reviews = new ReviewCsv(new StringReader(csv))) {
            ReviewCsv.Row first = reviews.next();
            assertEquals("Good kettle.", first.review().text());
            assertEquals("Nice", first.review().title());
            assertEquals(4, first.review().rating());
            assertEquals(2, reviews.next().review().rating());
            assertEquals(5, reviews.next().review().rating());
            assertEquals(3, reviews.next().review().rating());
            ReviewCsv.Row half = reviews.next();
            assertNull(half.review());
            assertEquals("'4.5 out of 5 stars' is not whole stars", half.problem());
            assertEquals("'excellent' is not a number of stars", reviews.next().problem());
            assertNull(reviews.next());
        }
    }

    @Test
    void aRowWithValuesPastTheHeaderIsRefusedNotCutShort() throws Exception {
        String csv = "review_id,product_id,text\nr1,p1,Cons: lid, handle\nr2,p1,\"Cons: lid, handle\"\n";
        try (ReviewCsv reviews = new ReviewCsv(new StringReader(csv))) {
            ReviewCsv.Row shifted = reviews.next();
            assertNull(shifted.review(), "not stored as 'Cons: lid'");
            assertEquals("has 4 values for the header's 3 columns (a comma in a value that is not in quotes?)", shifted.problem());
            assertEquals("Cons: lid, handle", reviews.next().review().text());
        }
    }

    @Test
    void starsOfLeavesOtherTextAsItIs() {
        assertEquals("4", ReviewCsv.starsOf(" 4 "));
        assertEquals("4.0", ReviewCsv.starsOf("4.0 out of 5 stars"));
        assertEquals("7 out of 10", ReviewCsv.starsOf("7 out of 10")); // not a five-star scale: refused as before
    }
}
