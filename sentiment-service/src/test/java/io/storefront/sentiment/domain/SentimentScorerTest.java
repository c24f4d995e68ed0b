package io.storefront.sentiment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.sentiment.domain.TextSentiment.AspectScore;
import io.storefront.sentiment.domain.nlp.Token;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Known cases the rules must keep; plain JUnit, the models load once for the class (about 2 s). */
class SentimentScorerTest {

    static SentimentScorer scorer;

    @BeforeAll
    static void load() {
        scorer = SentimentScorer.load();
    }

    private static double polarity(String text) {
        return scorer.score(text).polarity();
    }

    private static void above(double bound, String text) {
        double p = polarity(text);
        assertTrue(p > bound, () -> "polarity of \"" + text + "\" is " + p + ", expected above " + bound);
    }

    private static void below(double bound, String text) {
        double p = polarity(text);
        assertTrue(p < bound, () -> "polarity of \"" + text + "\" is " + p + ", expected below " + bound);
    }

    @Test
    void plainOpinionsHaveTheirSign() {
        above(0.4, "The phone is great.");
        below(-0.4, "The phone is terrible.");
        assertEquals(Label.POSITIVE, scorer.score("The phone is great.").label());
        assertEquals(Label.NEGATIVE, scorer.score("The phone is terrible.").label());
    }

    @Test
    void negationTurnsAndDampsTheOpinion() {
        double good = polarity("The battery is good.");
        double notGood = polarity("The battery is not good.");
        assertTrue(notGood < 0, "not good: " + notGood);
        assertTrue(Math.abs(notGood) < good, "negation damps: " + notGood + " vs " + good);
        below(0, "The battery isn't good.");
        above(0, "Not bad at all.");
        above(0, "No problems so far.");
        // "at all" insists on the negation
        for (String complaint : List.of("It didn't work at all.", "No help at all.", "I don't like it at all.")) {
            assertEquals(Label.NEGATIVE, scorer.score(complaint).label(), complaint);
        }
        above(polarity("Not bad."), "Not bad at all.");
    }

    @Test
    void aNegationWithNoOpinionWordLeansNegative() {
        below(-0.25, "It didn't work.");
        below(-0.25, "I won't be ordering from them again.");
        assertFalse(scorer.calibration().positive(polarity("It never arrived.")));
        // but not in a question, nor in "not only", and it judges no aspect
        assertEquals(0, polarity("Doesn't it come with a case?"));
        above(0.3, "Not only cheap but also sturdy.");
        assertTrue(scorer.score("The charger didn't work.").aspects().isEmpty());
        // praise said with a negation
        above(0.3, "I wouldn't change a thing.");
        above(0.3, "Arrived without a scratch.");
        assertTrue(scorer.score("Arrived without a scratch.").aspects().isEmpty(), "an idiom's own noun is no aspect");
        above(0.3, "Couldn't put it down.");
        above(0.3, "I can't wait to try it!");
        above(0.5, "Would not hesitate to recommend.");
    }

    @Test
    void neverSoAndHaventBeenThisAreEmphasisNotNegation() {
        above(0.2, "I have never slept so well as on this mattress.");
        below(-0.2, "My back hasn't been this sore in years.");
        below(0, "It was not so good.");
    }

    @Test
    void noBeforeAWordWithoutOpinionSaysSomethingIsMissing() {
        below(0, "No instructions in the box.");
        above(0, "No worries, it arrived.");
        below(0, "The box is no good.");
    }

    @Test
    void tooBeforeAWordWithoutOpinionIsAComplaint() {
        assertEquals(Label.NEGATIVE, scorer.score("The shoes are too small.").label());
        below(-0.2, "Too many bugs.");
        above(0, "It is not too big.");
        // "too" before an opinion word boosts it, and "too" as "also" adds nothing
        above(0.4, "She is too cute!");
        above(0.4, "I love it too.");
    }

    @Test
    void shopPhrasesAndRatingsWrittenInTheText() {
        above(0.3, "Exactly as described.");
        assertEquals(Label.NEGATIVE, scorer.score("Not as described.").label());
        assertEquals(Label.NEGATIVE, scorer.score("The colour isn't as pictured.").label());
        above(0.4, "5/5 would buy again");
        assertEquals(Label.NEGATIVE, scorer.score("I give it 2/10.").label());
        above(0.2, "Rating: 4/5");
        // a date is no rating, and a lexicon entry that starts with a digit ("10q": thank you) still counts
        assertEquals(0, polarity("Arrived 3/10 in the afternoon."));
        above(0.2, "See you soon 10q");
        above(0.3, "Ten out of ten.");
        assertEquals(Label.NEGATIVE, scorer.score("I give it 1 out of 5.").label());
        below(0, "2 out of 5 stars."); // the scale is no "5 stars" of its own
        assertEquals(0, polarity("4 out of 5 bulbs came in the box.")); // a count, not a rating
        above(0.3, "Would buy again.");
        assertEquals(Label.NEGATIVE, scorer.score("Would not buy again.").label());
        assertEquals(Label.NEGATIVE, scorer.score("Do not buy.").label());
        assertEquals(Label.NEGATIVE, scorer.score("Not worth the money.").label());
        above(0.3, "Does the job.");
        above(0.3, "Exceeded my expectations.");
        below(-0.2, "Runs small, order a size up.");
        below(-0.3, "Took forever to arrive.");
        above(0.3, "Fast shipping, arrived on time.");
        assertEquals(Label.NEGATIVE, scorer.score("Arrived late.").label());
        assertEquals(Label.NEGATIVE, scorer.score("Still waiting for my order.").label());
        assertEquals(Label.NEGATIVE, scorer.score("Cheap plastic.").label());
        // stars as British reviews and rating widgets write them
        assertEquals(Label.POSITIVE, scorer.score("5* service from start to finish.").label());
        assertEquals(Label.NEGATIVE, scorer.score("1* would give zero if I could.").label());
        assertEquals(Label.POSITIVE, scorer.score("★★★★★").label());
        assertEquals(Label.NEGATIVE, scorer.score("★☆☆☆☆").label());
        below(0, "★★");
        assertEquals(0, polarity("★★★★★★★")); // no five-star scale
    }

    @Test
    void whatAShopperJudgesIsNoPraiseOfItsOwn() {
        // VADER rates "value", "support", "care" as praise: "poor value" came out mild, "customer care was awful" neutral
        for (String complaint : List.of("Poor value for money.", "Customer care was awful.", "Terrible customer support.",
                "Customer support never replied.", "Poor comfort on long walks.", "The fit is terrible.")) {
            assertEquals(Label.NEGATIVE, scorer.score(complaint).label(), complaint);
        }
        above(0.3, "Value for money!"); // nothing else judges: the noun's own praise stays
        above(0.3, "Great customer care.");
        assertEquals(Label.NEGATIVE, scorer.score("Zero support from the seller.").label()); // "zero": none at all
        above(0, "Zero issues so far.");
        assertEquals(List.of("value"), scorer.score("Poor value for money.").aspects().stream().map(AspectScore::aspect).toList());
    }

    @Test
    void moreWarningsAndFaults() {
        for (String complaint : List.of("Don't bother.", "The warranty support is a joke.", "Item not received.",
                "Haven't received it yet.", "Lasted less than a week.", "Arrived smashed to pieces.",
                "Packaging was a nightmare to open.", "Fed up with this company.", "I can't stand the smell.",
                "The dress is gorgeous but the sizing is way off.", "Sound quality is tinny.", "Items were missing from my order.",
                "Never buying from this seller again.", "Wish I hadn't bought it.", "Tastes like cardboard.",
                "Out of date when it arrived.", "The lid doesn't close properly.", "Handle snapped off on first use.",
                "Paint started chipping after a few days.", "The seams split after one wear.", "Holes didn't line up.",
                "Scratched on arrival.", "Poorly made.", "No instructions included.")) {
            assertEquals(Label.NEGATIVE, scorer.score(complaint).label(), complaint);
        }
        for (String praise : List.of("A must have.", "Highly recommended.", "You smashed it, thank you!",
                "Does exactly what I need it to.", "It arrived a day early, well packed.", "Will be ordering more.",
                "Seller was quick to respond and very polite.", "Assembly was straightforward.", "Seems well made so far.",
                "A bit pricey but worth it.", "After six months of daily use it still works like new.",
                "Keeps my coffee hot for hours.", "Keeps me warm and dry.")) {
            assertEquals(Label.POSITIVE, scorer.score(praise).label(), praise);
        }
        assertEquals(Label.NEUTRAL, scorer.score("Too early to tell.").label()); // no verdict, not the complaint of "too"
        above(0, "Returned for a refund, no questions asked."); // a return, but praise of how it went
        below(0, "Doesn't keep drinks cold at all.");
        above(0, "I like cardboard packaging."); // "tastes like cardboard" is the complaint, not "like cardboard"
        assertEquals(0, polarity("It keeps going cold."));
        assertEquals(0, polarity("Keep it dry."));
        // sarcasm at its plainest
        assertEquals(Label.NEGATIVE, scorer.score("Great, another charger that stops working after a month.").label());
        assertEquals(Label.NEGATIVE, scorer.score("Oh great, it broke again.").label());
    }

    @Test
    void warningsAndVerdictsShoppersWriteAreLabelledAsMeant() {
        // the words alone mislead: "save" and "recommend" are praise, "waste" negated would be too
        for (String warning : List.of("Save your money.", "Don't waste your money on this.", "Wouldn't recommend.",
                "What a rip-off.", "Buyer beware.", "Avoid this seller.", "Not fit for purpose.", "Absolute rubbish.", "Not what I ordered.", "Still no refund.",
                "Customer service never replied.")) {
            assertEquals(Label.NEGATIVE, scorer.score(warning).label(), warning);
        }
        for (String verdict : List.of("I can't recommend it enough.", "No complaints.", "No issues so far.",
                "Worth every penny.", "Didn't disappoint.", "Does not disappoint.", "Exactly what I needed.",
                "Works as expected.", "Does exactly what it should.", "Looks just like the picture.",
                "Really chuffed with it.")) {
            assertEquals(Label.POSITIVE, scorer.score(verdict).label(), verdict);
        }
        assertEquals(Label.NEGATIVE, scorer.score("Looks nothing like the picture.").label());
    }

    @Test
    void faultsAndWearAreComplaintsAndWhatLastsIsPraise() {
        for (String fault : List.of("Battery drains fast.", "Shrank in the wash.", "The color faded after one wash.",
                "Keeps disconnecting.", "Stopped charging after a month.", "Item was missing parts.",
                "Cheaply made.", "Came with a scratch.", "Doesn't fit at all.", "Doesn't hold a charge.",
                "Battery doesn't last long.", "The table is wobbly.", "Arrived dented.", "The screen was cracked.",
                "Seams are coming apart.", "Hard to assemble.", "Counterfeit product.")) {
            assertEquals(Label.NEGATIVE, scorer.score(fault).label(), fault);
        }
        above(0.3, "Battery lasts all day.");
        above(0.3, "Holds a charge well.");
        above(0.3, "Roomy and cosy.");
        above(0.3, "Hard to beat for the price."); // "hard to" is a complaint only before what a buyer has to do
        TextSentiment s = scorer.score("The battery drains fast.");
        assertTrue(aspect(s, "battery").polarity() < 0, "the fault is the battery's");
    }

    @Test
    void hashtagsCarryTheirWordsValence() {
        above(0.3, "New running shoes #happy #love");
        below(-0.3, "Delivery took three weeks #fail");
    }

    @Test
    void emoticonsAreNotTurnedByANegationBeforeThem() {
        above(0, "Nope :-)");
        below(0, "Not really :(");
    }

    @Test
    void aSignTheTokenizerWouldCutUpIsOneToken() {
        above(0.3, "I <3 this lamp");
        above(0.3, "Gift for my mum, she loved it <3!");
        below(-0.3, "Arrived broken </3");
        above(0.3, "So happy \\o/");
        Token heart = scorer.analyze("I <3 this lamp").sentences().get(0).tokens().get(1);
        assertEquals("<3", heart.text());
        assertEquals("SYM", heart.pos());
        AspectScore lamp = scorer.score("I <3 this lamp").aspects().get(0);
        assertEquals("lamp", lamp.aspect());
        // only between spaces, and never a list's "8)" or "D:"
        assertEquals(List.of("8", ")", "The", "strap", "broke", "."), words("8) The strap broke."));
        below(0, "8) The strap broke.");
        assertEquals(List.of("Option", "D", ":", "the", "red", "one"), words("Option D: the red one"));
    }

    private static List<String> words(String text) {
        return scorer.analyze(text).sentences().get(0).tokens().stream().map(Token::text).toList();
    }

    @Test
    void contrastWeighsWhatFollowsBut() {
        below(0, "The screen is great, but the battery is terrible.");
        above(0, "The battery is terrible, but the screen is great.");
        above(0, "Although the delivery was slow, the product is excellent.");
        below(0, "The screen is gorgeous. But the battery life is awful.");
    }

    @Test
    void intensifiersCapitalsAndExclamationsRaiseAndDowntonersLower() {
        double good = polarity("It is good.");
        above(good, "It is very good.");
        below(good, "It is slightly good.");
        above(good, "It is GOOD.");
        above(good, "It is good!!!");
        // an expletive before an opinion word intensifies it instead of being an opinion of its own
        double great = polarity("That is great.");
        above(great, "That is fucking great.");
        above(great, "That is freaking great.");
    }

    @Test
    void emojiAndEmoticonsCarrySentiment() {
        above(0.3, "Arrived today 😍");
        below(-0.3, "Arrived today 😡");
        above(0.2, "Arrived today :)");
        below(-0.2, "Arrived today :(");
    }

    @Test
    void comparativesAndWishes() {
        below(0, "It could have been better.");
        below(0, "It could be better.");
        above(0.3, "I couldn't be happier with it.");
        below(0, "Would not go back.");
        above(0.3, "The cake was to die for.");
        // superlatives and comparatives the lemmatizer gets wrong still carry their base word's valence
        above(0.2, "This is the coolest gadget I own.");
        above(0.2, "The nicest staff in town.");
        below(-0.2, "The ugliest case I have seen.");
    }

    @Test
    void usesOfLikeThatAreNotOpinions() {
        assertEquals(0, polarity("It looks like a toy."));
        above(0, "I like it.");
        // "kind" as in "that kind" or "kind of" is no praise; "all too kind" is, even when tagged as a noun
        assertEquals(0, polarity("It is that kind of shop."));
        above(0.2, "The courier was all too kind.");
    }

    @Test
    void aspectsAreTheNounsOpinionsJudge() {
        TextSentiment s = scorer.score("The battery life is terrible. Great screen, and the delivery was fast.");
        AspectScore battery = aspect(s, "battery life");
        AspectScore screen = aspect(s, "screen");
        assertTrue(battery.polarity() < 0, battery.toString());
        assertEquals(List.of("terrible"), battery.opinions());
        assertTrue(screen.polarity() > 0, screen.toString());
    }

    @Test
    void aspectsArePluralsInTheSingularButNotOtherLemmas() {
        TextSentiment s = scorer.score("The batteries are awful. The battery is awful. The charger is terrible.");
        assertEquals(2, aspect(s, "battery").mentions(), s.aspects().toString());
        assertTrue(aspect(s, "charger").polarity() < 0, s.aspects().toString());
    }

    @Test
    void aSetPhraseJudgesWhatItIsSaidOf() {
        TextSentiment s = scorer.score("The strap runs small and the box arrived late.");
        assertTrue(aspect(s, "strap").polarity() < 0, s.aspects().toString());
        assertEquals(List.of("runs small"), aspect(s, "strap").opinions());
        assertEquals(List.of("arrived late"), aspect(s, "box").opinions());
    }

    /** A verb's opinion falls on its subject when what follows it is an adjunct ("after two days"), not an object. */
    @Test
    void aVerbJudgesItsSubjectWhenWhatFollowsIsNotItsObject() {
        TextSentiment s = scorer.score("The screen is gorgeous, but the battery died after two days.");
        assertTrue(aspect(s, "battery").polarity() < 0, s.aspects().toString());
        assertTrue(aspect(s, "screen").polarity() > 0, s.aspects().toString());
        TextSentiment zip = scorer.score("The zipper broke within a week.");
        assertTrue(aspect(zip, "zipper").polarity() < 0, zip.aspects().toString());
    }

    /** The greedy tagger reads "and support/VERB is useless"; an adjective after "is" judges the subject of "is". */
    @Test
    void eachClauseJudgesItsOwnSubject() {
        TextSentiment app = scorer.score("The app keeps crashing and support is useless.");
        assertTrue(aspect(app, "support").polarity() < 0, app.aspects().toString());
        assertTrue(aspect(app, "app").polarity() < 0, app.aspects().toString());
        TextSentiment mixed = scorer.score("The fit is great and delivery took ages.");
        assertTrue(aspect(mixed, "fit").polarity() > 0, mixed.aspects().toString());
        assertEquals(List.of("took ages"), aspect(mixed, "delivery").opinions());
        assertTrue(polarity("The sofa is comfy but the cushions sag already.") < 0, "what comes after 'but' weighs more");
    }

    /** "better" and "more" are praise words, but not after "expected"; "average" judges only with "below" or "above". */
    @Test
    void verdictsAgainstExpectationsAndTheAverage() {
        for (String complaint : List.of("Expected better.", "I expected more from this brand.", "The heating is below average.",
                "Comfort is below average for a office chair.")) {
            assertEquals(Label.NEGATIVE, scorer.score(complaint).label(), complaint);
        }
        assertTrue(aspect(scorer.score("Comfort is below average."), "comfort").polarity() < 0,
                "a praise noun as the capitalised subject judges nothing itself");
        assertEquals(Label.POSITIVE, scorer.score("Above average quality.").label());
        assertEquals(Label.POSITIVE, scorer.score("It was better than expected.").label());
    }

    /** Review words VADER lacks ("decent"), and what a phone or charger does wrong in Indian English. */
    @Test
    void commonReviewWordsAndFaults() {
        for (String praise : List.of("Overall a decent product for the price.", "Works as expected.", "Sleek design.")) {
            assertEquals(Label.POSITIVE, scorer.score(praise).label(), praise);
        }
        for (String fault : List.of("Does not work as expected.", "The phone hangs frequently.", "Charger heats up a lot.",
                "The bottle is leaky.")) {
            assertEquals(Label.NEGATIVE, scorer.score(fault).label(), fault);
        }
        assertEquals(List.of("hangs frequently"), aspect(scorer.score("The phone hangs frequently."), "phone").opinions());
        for (String fault : List.of("The battery life is short.", "Short battery life.", "Heavy to carry.")) {
            assertEquals(Label.NEGATIVE, scorer.score(fault).label(), fault);
        }
        TextSentiment high = scorer.score("High quality product.");
        assertEquals(Label.POSITIVE, high.label());
        assertEquals(List.of(), high.aspects(), "a compound headed by 'product' is the verdict on the whole too");
        assertEquals(Label.NEUTRAL, scorer.score("Short sleeves.").label());
    }

    /** A lexicon word inside a product's name ("pressure", "stress", "fire") names the product and judges nothing. */
    @Test
    void theNameOfAProductIsNoOpinion() {
        assertEquals(0, polarity("Lumen pressure cooker in maroon."));
        TextSentiment extinguisher = scorer.score("The fire extinguisher arrived on time.");
        assertEquals(Label.POSITIVE, extinguisher.label());
        assertTrue(aspect(extinguisher, "fire extinguisher").polarity() > 0, "the tagger's 'extinguisher/ADJ' is the head");
        assertEquals(Label.POSITIVE, scorer.score("Bought this stress ball for my son, he likes it.").label());
        assertTrue(polarity("Pressure cooker works fine.") > 0);
        assertTrue(polarity("I felt pressure to buy.") < 0, "pressure that is no product's name still weighs");
    }

    /** The tagger reads a capitalised first word before a noun as an adjective or a name: "Battery/ADJ life". */
    @Test
    void aCompoundThatStartsTheSentenceIsOneAspect() {
        assertTrue(aspect(scorer.score("Battery life could be better."), "battery life").polarity() < 0);
        assertTrue(aspect(scorer.score("Sound quality is poor."), "sound quality").polarity() < 0);
        assertTrue(aspect(scorer.score("Screen resolution is amazing."), "screen resolution").polarity() > 0);
        assertEquals(List.of(), scorer.score("Great product.").aspects(), "an adjective stays one");
    }

    /** The seed store is Indian: its reviews write "worth for money", "not up to the mark", "gud", "osm". */
    @Test
    void indianShopEnglish() {
        for (String praise : List.of("Worth for money.", "Osm product.", "Gud product.", "Vry gud quality.", "Genuine product.",
                "Go for it without any doubt.", "Must buy.")) {
            assertEquals(Label.POSITIVE, scorer.score(praise).label(), praise);
        }
        for (String complaint : List.of("Not up to the mark.", "Don't go for it.", "Duplicate product received.",
                "Received used product.", "Size issue.")) {
            assertEquals(Label.NEGATIVE, scorer.score(complaint).label(), complaint);
        }
        assertEquals(Label.NEUTRAL, scorer.score("Ok ok product.").label()); // so-so
    }

    @Test
    void whoLovesItAndWhatIsAnOpinionAreNoAspects() {
        assertEquals(List.of(), scorer.score("My son loves it.").aspects(), "the subject of 'loves it' is who loves");
        assertEquals(List.of(), scorer.score("Flimsy and overpriced.").aspects(), "an opinion word is no aspect");
        assertEquals(List.of(), scorer.score("Love love love it!").aspects());
        assertEquals(List.of("battery"), scorer.score("Great product, but the battery is weak.").aspects().stream()
                .map(AspectScore::aspect).toList(), "the product as a whole is no aspect of it");
        assertEquals(List.of(), scorer.score("Terrible items.").aspects());
        TextSentiment s = scorer.score("The battery life is rubbish.");
        assertTrue(aspect(s, "battery life").polarity() < 0, "an opinion noun after 'is' judges the subject");
        assertEquals(List.of("is a joke"), aspect(scorer.score("The warranty support is a joke."), "warranty support").opinions());
        // a noun VADER rates weakly is still a thing
        assertTrue(aspect(scorer.score("The screws don't fit."), "screw").polarity() < 0);
    }

    @Test
    void anAspectHasOneSpelling() {
        TextSentiment s = scorer.score("The color is lovely. The colour faded after one wash. Great color options.");
        assertEquals(List.of("colour", "colour option"), s.aspects().stream().map(AspectScore::aspect).sorted().toList());
        assertEquals(2, aspect(s, "colour").mentions());
    }

    /** A review written as lists under "Pros:" and "Cons:". */
    @Test
    void prosAndConsJudgeWhatTheyList() {
        TextSentiment cons = scorer.score("Cons: battery, speaker, build quality");
        assertEquals(Label.NEGATIVE, cons.label(), "a list of nouns is English too");
        assertEquals(List.of("battery", "build quality", "speaker"), cons.aspects().stream().map(AspectScore::aspect).sorted().toList());
        assertTrue(cons.aspects().stream().allMatch(a -> a.polarity() < 0), cons.aspects().toString());
        assertEquals(Label.POSITIVE, scorer.score("Pros: cheap, light").label());
        assertEquals(Label.NEGATIVE, scorer.score("Pros - none. Cons - everything.").label());
        assertEquals(Label.POSITIVE, scorer.score("Cons: none").label());
        // an item with an opinion of its own keeps it
        TextSentiment pros = scorer.score("Pros: great battery, awful screen");
        assertTrue(aspect(pros, "screen").polarity() < 0, pros.aspects().toString());
    }

    /** The greedy tagger reads "the zipper/ADJ keeps/NOUN breaking" and "Sizing/VERB is way off". */
    @Test
    void aSubjectTheTaggerMistookIsStillTheAspect() {
        assertTrue(aspect(scorer.score("The zipper keeps breaking."), "zipper").polarity() < 0);
        assertTrue(aspect(scorer.score("Sizing is way off."), "sizing").polarity() < 0);
        // "complete/NOUN" is no subject: the noun before "is" is
        TextSentiment waste = scorer.score("Noise is a complete waste of money.");
        assertEquals(List.of("noise"), waste.aspects().stream().map(AspectScore::aspect).toList());
        assertEquals(List.of(), scorer.score("Good buy.").aspects());
        assertEquals(List.of(), scorer.score("Crushes ice in seconds and is easy to clean.").aspects()); // no "second"
    }

    private static AspectScore aspect(TextSentiment s, String name) {
        return s.aspects().stream().filter(a -> a.aspect().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no aspect " + name + " in " + s.aspects()));
    }

    @Test
    void sentencesAreScoredOneByOneWithTheirOffsets() {
        String text = "I love it. The strap broke after a week.";
        TextSentiment s = scorer.score(text);
        assertEquals(2, s.sentences().size());
        assertTrue(s.sentences().get(0).polarity() > 0);
        assertTrue(s.sentences().get(1).polarity() < 0);
        assertEquals("The strap broke after a week.",
                text.substring(s.sentences().get(1).start(), s.sentences().get(1).end()));
    }

    @Test
    void emptyAndFactualTextsAreNeutral() {
        TextSentiment empty = scorer.score("");
        assertEquals(0, empty.polarity());
        assertEquals(0, empty.subjectivity());
        assertEquals(Label.NEUTRAL, empty.label());
        assertTrue(empty.sentences().isEmpty());
        assertEquals(Label.NEUTRAL, scorer.score("The parcel was delivered on Tuesday.").label());
    }

    @Test
    void opinionsAreMoreSubjectiveThanFacts() {
        double opinion = scorer.score("I absolutely love this wonderful little camera!").subjectivity();
        double fact = scorer.score("The camera has a 24 megapixel sensor and weighs 300 grams.").subjectivity();
        assertTrue(opinion > fact, opinion + " vs " + fact);
    }

    @Test
    void aPlotSummaryIsLessSubjectiveThanAReviewAndATextWeighsItsSentencesByTheirWords() {
        String plot = "In 1943, a young soldier returns to his village and finds that his family has left for the city.";
        String review = "Honestly one of the most charming and funny films I have seen in years.";
        TextSentiment facts = scorer.score(plot);
        TextSentiment opinion = scorer.score(review);
        assertTrue(facts.subjectivity() < 0.5 && opinion.subjectivity() > 0.5, facts.subjectivity() + " vs " + opinion.subjectivity());
        // the shipped model is in use, not the lexicon's cues alone (which call the review far less subjective)
        assertTrue(opinion.subjectivity() - SentimentScorer.lexiconOnly().score(review).subjectivity() > 0.1);

        TextSentiment both = scorer.score(plot + " " + review);
        assertEquals(2, both.sentences().size());
        double low = both.sentences().get(0).subjectivity(), high = both.sentences().get(1).subjectivity();
        assertTrue(low < both.subjectivity() && both.subjectivity() < high, low + " < " + both.subjectivity() + " < " + high);
        assertTrue(both.subjectivity() < (low + high) / 2, "the longer, factual sentence weighs more");
    }

    @Test
    void textThatIsNotEnglishIsSaidToBeUnknown() {
        TextSentiment german = scorer.score("Das Produkt ist sehr gut und die Lieferung war schnell, danke schön.");
        assertFalse(german.english());
        assertEquals(Label.UNKNOWN, german.label());
        assertEquals(0, german.polarity());
        assertEquals(0, german.confidence());
        assertTrue(scorer.score("Great phone, works well with my old charger.").english());
        // headlines and posts with links have few function words; a link is no word of any language
        TextSentiment headline = scorer.score("Beautiful photos... Spring Sale 2027 - The Big Catalogue - Example.com http://example.com/a");
        assertTrue(headline.english());
        assertTrue(headline.polarity() > 0.3, "polarity " + headline.polarity());
        assertTrue(scorer.score("Caramel popcorn, the perfect movie night snack http://example.com/b").english());
        assertFalse(scorer.score("Das Produkt ist sehr gut, danke schön http://example.de/p/1 http://example.de/p/2").english());
    }

    @Test
    void otherLanguagesAreToldByTheirOwnFunctionWords() {
        // terse English with an opinion word and no function word is English
        TextSentiment terse = scorer.score("Street food plus ballgame = perfect autumn afternoon.");
        assertTrue(terse.english());
        assertTrue(terse.polarity() > 0.3, "polarity " + terse.polarity());
        // Dutch shares "is" and "was" with English, but has more words of its own
        assertFalse(scorer.score("Het product is erg goed en de levering was snel.").english());
        assertFalse(scorer.score("El producto es muy bueno y llegó rápido.").english());
        assertFalse(scorer.score("Le produit est très bien, merci.").english());
        assertFalse(scorer.score("Отличный товар, быстрая доставка, спасибо продавцу").english());
        assertFalse(scorer.score("这个产品非常好，送货也很快，谢谢").english());
        // a name with a French article in an English sentence, and a foreign word or two, stay English
        assertTrue(scorer.score("We had dinner at le Petit Bistro and it was lovely.").english());
        assertTrue(scorer.score("Great product, muy bueno!").english());
        // words other languages share with English (slang included) do not count against it
        assertTrue(scorer.score("Love em, buy em.").english());
        // four words or more with no English function word and no opinion word: garbage, or a language we lack
        assertFalse(scorer.score("qwrt zxcvb plmokn uhbygv").english());
        // unless most of its words are English ones: a product's name (Online Retail's descriptions)
        TextSentiment name = scorer.score("WHITE HANGING HEART T-LIGHT HOLDER");
        assertTrue(name.english());
        assertEquals(Label.NEUTRAL, name.label());
        assertTrue(scorer.score("JUMBO BAG RED RETROSPOT").english());
        assertFalse(scorer.score("barang bagus sekali pengiriman cepat").english(), "Indonesian");
    }

    @Test
    void polarityAndSubjectivityStayInRange() {
        TextSentiment s = scorer.score("BEST!!! BEST!!! BEST!!! love love love love 😍😍😍 amazing wonderful perfect");
        assertTrue(s.polarity() > 0.9 && s.polarity() <= 1, "polarity " + s.polarity());
        assertTrue(s.subjectivity() >= 0 && s.subjectivity() <= 1, "subjectivity " + s.subjectivity());
        assertTrue(s.confidence() >= 0 && s.confidence() <= 1, "confidence " + s.confidence());
    }
}
