package io.storefront.sentiment.domain;

import io.storefront.sentiment.domain.TextSentiment.AspectScore;
import io.storefront.sentiment.domain.TextSentiment.SentenceScore;
import io.storefront.sentiment.domain.model.DomainModel;
import io.storefront.sentiment.domain.model.LinearModel;
import io.storefront.sentiment.domain.nlp.EnglishPipeline;
import io.storefront.sentiment.domain.nlp.Sentence;
import io.storefront.sentiment.domain.nlp.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lexicon scoring with rules over OpenNLP's tokens, tags and lemmas. Each opinion word's valence
 * is shifted by intensifiers and downtoners before it, flipped and damped by a negation in its
 * scope, raised by capitals in a mixed-case sentence, weighted by contrast ("but", "although"),
 * and each sentence is raised by exclamation marks. A sentence's polarity is its sum squashed
 * into (-1, 1) by {@code x / sqrt(x² + 15)}; a text's is the squashed sum of its sentences.
 * The constants follow Hutto &amp; Gilbert's measurements (ICWSM 2014), the rules that use
 * part-of-speech and lemmas are ours.
 *
 * <p>Thread-safe: the pipeline keeps its taggers per thread.
 */
public final class SentimentScorer {

    /** Recorded with every stored score; bump it when scoring changes. */
    public static final String VERSION = "lexicon-6";

    /** The subjectivity model on the class path (see {@link #load()}). */
    public static final String SUBJECTIVITY_RESOURCE = "models/subjectivity.bin";

    static final double NEGATION = -0.74;
    static final double CAPS = 0.733;
    static final double EXCLAMATION = 0.292;
    static final double QUESTION = 0.18;
    static final double ALPHA = 15;
    static final double BEFORE_CONTRAST = 0.5;
    static final double AFTER_CONTRAST = 1.5;
    /**
     * The valence of a negation with no opinion word in its scope: the best of -0.8 to -1.6 for SST-2 train's yes/no
     * accuracy and the NYT editorials' three-way accuracy together (BENCHMARKS.md, 2026-12-07); VADER rates "no" so.
     * It stays inside the neutral band: such a sentence leans negative without being called negative.
     */
    static final double UNATTACHED_NEGATION = -1.2;
    /** "too small": the best of -0.5 to -2 on SST-2 train and the NYT editorials together (BENCHMARKS.md, 2026-12-07). */
    static final double EXCESS = -1.5;
    /**
     * How much "at all" strengthens the negation before it: like a strong booster; SST-2 train and the NYT editorials
     * do not tell 1 from 2 apart (0.7147 / 0.581 for each), so the smallest that makes "didn't work at all" a complaint.
     */
    static final double AT_ALL = 1.25;
    /** "Pros:" and "Cons:" in a review: the valence of each section's label, as a plain praise or complaint word. */
    private static final double SECTION_LABEL = 1.5;
    /** "keeps my coffee hot": the valence of the shop phrases that praise what a product does. */
    private static final double KEEPS_AS_WANTED = 1.5;
    private static final double[] DAMPING = {1.0, 0.95, 0.9};
    /** How many words a booster or a negation reaches (VADER's three); a bare negation is judged over the same span. */
    private static final int SCOPE = DAMPING.length;

    private static final Set<String> CONTRAST = Set.of("but", "however", "yet", "nevertheless", "nonetheless");
    private static final Set<String> CONCESSIVE = Set.of("although", "though", "despite", "while", "whereas");
    private static final Set<String> MODALS = Set.of("could", "should", "would", "might");
    private static final Set<String> NEVER_SO = Set.of("so", "this");
    /**
     * One spelling per aspect, so that a product's summary counts "color" and "colour" reviews together (British, as
     * the generated store and the UK retail data write it).
     */
    private static final Map<String, String> ONE_SPELLING = Map.ofEntries(Map.entry("color", "colour"),
            Map.entry("flavor", "flavour"), Map.entry("odor", "odour"), Map.entry("fiber", "fibre"),
            Map.entry("center", "centre"), Map.entry("aluminum", "aluminium"), Map.entry("jewelry", "jewellery"),
            Map.entry("gray", "grey"), Map.entry("mold", "mould"), Map.entry("catalog", "catalogue"),
            Map.entry("tire", "tyre"), Map.entry("pajamas", "pyjamas"), Map.entry("armor", "armour"),
            Map.entry("behavior", "behaviour"), Map.entry("labor", "labour"));
    private static final Set<String> PRAISE_LABELS = Set.of("pros", "pro", "positives", "likes");
    private static final Set<String> COMPLAINT_LABELS = Set.of("cons", "con", "negatives", "dislikes");
    private static final Set<String> KEPT_AS_WANTED = Set.of("hot", "cold", "warm", "cool", "dry", "fresh", "crisp");
    /** Nouns VADER rates as praise that in a review name what is judged (see dropValenceOfJudgedAspects). */
    private static final Set<String> ASPECT_NOUNS = Set.of("value", "fit", "comfort", "support", "care", "help",
            "safety", "security", "satisfaction", "guarantee");
    private static final Set<String> DEPARTMENTS = Set.of("customer", "customers", "tech", "technical", "warranty",
            "seller", "client", "aftercare");
    private static final Set<String> KIND_AS_ADJECTIVE = Set.of("so", "too", "very", "really", "is", "are", "was",
            "were", "be", "being", "been", "'s", "extremely", "incredibly");
    private static final Pattern THREE_OR_MORE = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern RATING = Pattern.compile("(\\d{1,2}(?:\\.\\d)?)/(5|10)");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10));
    private static final Set<String> RATING_CUES = Set.of("give", "gave", "giving", "rate", "rated", "rating", "score",
            "scored", "verdict", "overall", ":");
    private static final Pattern TWO_OR_MORE = Pattern.compile("(\\p{L})\\1+");
    private static final Set<String> NOT_ASPECTS = Set.of("thing", "things", "lot", "bit", "way", "kind", "sort",
            "one", "anything", "everything", "something", "nothing", "time", "day", "star", "stars", "review", "zero",
            "second", "minute", "hour", "week", "month", "year"); // "easy to clean" is not said of "in seconds"

    /**
     * "good buy", "Great product", "high quality product": the verdict on the whole, no part of it (review titles say
     * it often), alone or as the head of a compound.
     */
    private static final Set<String> VERDICT_NOUNS = Set.of("buy", "purchase", "product", "item");

    private final EnglishPipeline pipeline;
    private final Lexicon lexicon;
    private final Calibration calibration;
    /**
     * Subjectivity learned from how strongly people rated sentences: word uni- and bigrams and the lexicon cues'
     * log-odds (one dense feature), whose margin is the log-odds of "subjective"; null: the lexicon cues alone.
     */
    private final LinearModel subjectivityModel;

    public SentimentScorer(EnglishPipeline pipeline, Lexicon lexicon, Calibration calibration, LinearModel subjectivityModel) {
        this.pipeline = pipeline;
        this.lexicon = lexicon;
        this.calibration = calibration;
        this.subjectivityModel = subjectivityModel;
    }

    /**
     * The service's scorer: the lexicon, and the subjectivity model trained on VADER's human-rated snippets
     * ({@code bench/sentiment.sh subjectivity-model} writes it; BENCHMARKS.md says how and how well).
     */
    public static SentimentScorer load() {
        Lexicon lexicon = Lexicon.load();
        return new SentimentScorer(EnglishPipeline.load(lexicon.signs()), lexicon, Calibration.LEXICON, loadSubjectivity());
    }

    /** The lexicon's cues alone for subjectivity: what the subjectivity model is trained beside. */
    public static SentimentScorer lexiconOnly() {
        Lexicon lexicon = Lexicon.load();
        return new SentimentScorer(EnglishPipeline.load(lexicon.signs()), lexicon, Calibration.LEXICON, null);
    }

    private static LinearModel loadSubjectivity() {
        try (java.io.InputStream in = SentimentScorer.class.getClassLoader().getResourceAsStream(SUBJECTIVITY_RESOURCE)) {
            if (in == null) throw new IllegalStateException(SUBJECTIVITY_RESOURCE + " is not on the class path");
            return LinearModel.fromBytes(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Calibration calibration() {
        return calibration;
    }

    /** A text's sentences as the pipeline analysed them, and the lexicon's sentiment of it. */
    public record Analysis(List<Sentence> sentences, TextSentiment sentiment) {
    }

    public TextSentiment score(String text) {
        return analyze(text).sentiment();
    }

    public Analysis analyze(String text) {
        List<Sentence> sentences = pipeline.analyze(text);
        return new Analysis(sentences, score(sentences));
    }

    /** Scores a text known to be one sentence (benchmark data sets), without sentence detection. */
    public TextSentiment scoreSentence(String sentence) {
        return score(List.of(pipeline.analyzeSentence(sentence)));
    }

    TextSentiment score(List<Sentence> sentences) {
        List<SentenceScore> scores = new ArrayList<>(sentences.size());
        Map<String, AspectTally> aspects = new LinkedHashMap<>();
        double sum = 0;
        double evidence = 0;
        double subjectiveWords = 0;
        int words = 0;
        int functionWords = 0;
        int foreignWords = 0;
        int opinionWords = 0;
        for (Sentence sentence : sentences) {
            SentenceResult r = scoreSentence(sentence, aspects);
            if (startsWithContrast(sentence)) {
                // "... It looks great. But the battery is awful." weighs like "but" inside one sentence
                sum = sum * BEFORE_CONTRAST + r.sum * AFTER_CONTRAST;
            } else {
                sum += r.sum;
            }
            evidence += r.evidence;
            words += r.words;
            functionWords += r.functionWords;
            foreignWords += r.foreignWords;
            opinionWords += r.opinionWords;
            double sentenceSubjectivity = subjectivity(sentence, r);
            subjectiveWords += sentenceSubjectivity * r.words;
            scores.add(new SentenceScore(sentence.start(), sentence.end(), sentence.text(), Round.four(squash(r.sum)),
                    Round.four(sentenceSubjectivity)));
        }
        // a text is as subjective as its sentences, each weighing by its words
        double textSubjectivity = subjectivityModel == null ? subjectivity(evidence, words)
                : words == 0 ? 0 : subjectiveWords / words;
        boolean english = looksEnglish(words, functionWords, foreignWords, opinionWords)
                || foreignWords == 0 && mostlyKnownWords(sentences, words);
        double polarity = english ? squash(sum) : 0;
        Label label = english ? calibration.label(polarity) : Label.UNKNOWN;
        List<AspectScore> aspectScores = new ArrayList<>();
        if (english) {
            aspects.forEach((name, tally) -> aspectScores.add(new AspectScore(name, Round.four(squash(tally.sum)),
                    tally.mentions, List.copyOf(tally.opinions))));
            aspectScores.sort((a, b) -> Double.compare(Math.abs(b.polarity()), Math.abs(a.polarity())));
        }
        return new TextSentiment(Round.four(polarity), english ? Round.four(textSubjectivity) : 0, label,
                Round.four(calibration.confidence(polarity, label)), english, List.copyOf(scores), List.copyOf(aspectScores));
    }

    private SentenceResult scoreSentence(Sentence sentence, Map<String, AspectTally> aspects) {
        List<Token> tokens = sentence.tokens();
        int n = tokens.size();
        boolean mixedCase = mixedCase(tokens);
        double[] idiomValence = new double[n];
        boolean[] inIdiom = new boolean[n];
        markIdioms(tokens, idiomValence, inIdiom);
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = idiomValence[i] != 0 ? idiomValence[i] : inIdiom[i] ? 0 : carrierValence(tokens, i);
        }
        dropValenceOfJudgedAspects(tokens, raw);
        double[] valence = new double[n];
        double evidence = 0;
        int words = 0;
        int functionWords = 0;
        int foreignWords = 0;
        int opinionWords = 0;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (isWord(t) && !isLink(t)) {
                words++;
                if (Lexicon.isFunctionWord(t.lower())) functionWords++;
                else if (isForeign(t)) foreignWords++;
                evidence += subjectivityCue(t);
            }
            double v = raw[i];
            if (v == 0) continue;
            opinionWords++;
            evidence += Math.abs(v) / 2;
            valence[i] = modified(tokens, i, v, mixedCase, inIdiom);
        }
        boolean[] opinion = new boolean[n];
        for (int i = 0; i < n; i++) opinion[i] = valence[i] != 0;
        markUnattachedNegations(sentence, tokens, valence, inIdiom);
        applyContrast(tokens, valence);
        double sum = 0;
        for (double v : valence) sum += v;
        sum += punctuationEmphasis(sentence.text(), sum);
        evidence += 0.4 * Math.min(count(sentence.text(), '!'), 3) + 0.3 * Math.min(count(sentence.text(), '?'), 2);
        Set<Integer> judged = new HashSet<>();
        for (int i = 0; i < n; i++) { // a bare negation judges no aspect
            if (opinion[i] && sectionLabel(tokens, i) == 0) judged.add(attachAspect(tokens, i, valence[i], inIdiom, raw, aspects));
        }
        for (int i = 0; i < n; i++) {
            if (opinion[i] && sectionLabel(tokens, i) != 0) attachListedAspects(tokens, i, valence[i], judged, aspects);
        }
        return new SentenceResult(sum, evidence, words, functionWords, foreignWords, opinionWords);
    }

    /**
     * What a shopper judges, not how: "value", "fit", "comfort", "support", "care" are praise in VADER, so "poor value",
     * "the fit is terrible" and "customer support never replied" came out mild or positive. Such a noun keeps its
     * valence only when nothing else in the sentence judges ("Value for money!"); after "customer", "tech", "warranty"
     * ("customer care") it names a department and never judges.
     */
    private static void dropValenceOfJudgedAspects(List<Token> tokens, double[] raw) {
        boolean otherOpinion = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (raw[i] != 0 && !isAspectNoun(tokens, i)) otherOpinion = true;
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (raw[i] == 0 || !isAspectNoun(tokens, i)) continue;
            if (otherOpinion || i > 0 && DEPARTMENTS.contains(tokens.get(i - 1).lower())) raw[i] = 0;
        }
    }

    private static boolean isAspectNoun(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        return (t.isNoun() || subjectTaggedAsVerb(tokens, i)) && ASPECT_NOUNS.contains(t.lower());
    }

    /**
     * "and support/VERB is useless": a word the greedy tagger took for a verb, directly before "is" and at the start
     * of its clause, is the subject of "is" (a verb there would need a subject of its own before it).
     */
    private static boolean subjectTaggedAsVerb(List<Token> tokens, int j) {
        Token t = tokens.get(j);
        if (!t.isPos("VERB") || j + 1 >= tokens.size()) return false;
        Token next = tokens.get(j + 1);
        if (!next.isPos("AUX") || !next.lemma().equals("be")) return false;
        return j == 0 || tokens.get(j - 1).isPos("DET") || tokens.get(j - 1).isPos("CCONJ") || isClauseBoundary(tokens.get(j - 1));
    }

    /** The raw valence a token carries as an opinion word, 0 when it carries none here. */
    private double carrierValence(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        String lower = t.lower();
        if (lower.equals("too") && excessFollows(tokens, i)) return EXCESS;
        if (t.lemma().equals("keep") && t.isPos("VERB") && keepsItAsWanted(tokens, i)) return KEEPS_AS_WANTED;
        int section = sectionLabel(tokens, i);
        if (section != 0) return section * SECTION_LABEL;
        double rating = !lower.isEmpty() && (Character.isDigit(lower.charAt(0)) || NUMBER_WORDS.containsKey(lower))
                ? ratingValence(tokens, i) : 0;
        if (rating != 0) return rating;
        if (Lexicon.boost(lower) != 0 && (t.isPos("ADV") || opinionFollows(tokens, i))) {
            return 0; // "pretty good", "freaking awesome": a booster, not an opinion
        }
        if (lower.equals("like") && !t.isPos("VERB")) return 0; // "looks like", "like a toy"
        if (lower.equals("kind") && (next(tokens, i).equals("of") || t.isPos("NOUN") && !KIND_AS_ADJECTIVE.contains(previous(tokens, i)))) {
            return 0; // "kind of", "this kind"; but "so kind", "is kind" judge someone, whatever the tagger says
        }
        if (lower.equals("well") && previous(tokens, i).equals("as")) return 0;
        // "no good": a negation cue then; "no electricity", "no idea" say something is missing, as VADER has it
        if (lower.equals("no") && opinionFollows(tokens, i)) return 0;
        double v = lexicon.valence(lower);
        if (v == 0 && !t.lemma().equals(lower) && isOpenClass(t)) v = lexicon.valence(t.lemma());
        if (v == 0 && (t.isPos("ADJ") || t.isPos("ADV"))) v = comparedValence(lower);
        if (v == 0 && isWord(t)) v = informalValence(lower);
        if (v == 0 && isHashtag(lower)) v = lexicon.valence(lower.substring(1)); // "#love", which the tokenizer keeps whole
        if (v == 0 && !isWord(t)) v = emojiValence(t.text());
        if (v == 0 && !isWord(t)) v = starGlyphValence(t.text());
        if (v != 0 && isProductName(tokens, i)) return 0;
        return v;
    }

    /** Whether the word is part of the name of a kind of product ("pressure cooker", "mouse trap"), not an opinion. */
    private static boolean isProductName(List<Token> tokens, int i) {
        String lower = tokens.get(i).lower();
        return i + 1 < tokens.size() && Lexicon.PRODUCT_NAMES.contains(lower + " " + tokens.get(i + 1).lower())
                || i > 0 && Lexicon.PRODUCT_NAMES.contains(tokens.get(i - 1).lower() + " " + lower);
    }

    /** +1 for "Pros:" (or "Pros -"), -1 for "Cons:", 0 for any other token. */
    private static int sectionLabel(List<Token> tokens, int i) {
        if (i + 1 >= tokens.size()) return 0;
        String separator = tokens.get(i + 1).text();
        if (!separator.equals(":") && !separator.equals("-")) return 0;
        String word = tokens.get(i).lower();
        return PRAISE_LABELS.contains(word) ? 1 : COMPLAINT_LABELS.contains(word) ? -1 : 0;
    }

    /**
     * "keeps my coffee hot", "keeps drinks cold", "keeps me warm": what flasks, coolers and coats are bought for ("doesn't
     * keep drinks cold" is the complaint, by the negation rule). Only an object may stand between: not "keeps going cold".
     */
    private static boolean keepsItAsWanted(List<Token> tokens, int i) {
        if (i == 0 && tokens.get(i).lower().equals("keep")) return false; // "Keep it dry": advice, not praise
        for (int j = i + 1; j < tokens.size() && j <= i + 3; j++) {
            Token t = tokens.get(j);
            if (KEPT_AS_WANTED.contains(t.lower())) return j > i + 1;
            if (!t.isNoun() && !t.isPos("PRON") && !t.isPos("DET")) return false;
        }
        return false;
    }

    /**
     * "too small", "too long", "too many": more than wanted, a complaint, where the word after "too" says nothing on its
     * own ("too good" is a booster and "me too" an addition).
     */
    private boolean excessFollows(List<Token> tokens, int i) {
        if (i + 1 >= tokens.size()) return false;
        Token after = tokens.get(i + 1);
        return (after.isPos("ADJ") || after.isPos("ADV")) && isWord(after) && lexicon.valence(after.lower()) == 0
                && Lexicon.boost(after.lower()) == 0;
    }

    /**
     * A rating written in the text ("5/5", "I give it 2/10", "ten out of ten", "1 out of 5 stars"), when the words
     * around it say it is one: a date such as "arrived 3/10" is not, nor "4 out of 5 screws"; "5*" always is.
     */
    private static double ratingValence(List<Token> tokens, int i) {
        double score;
        double scale;
        int last = i; // the scale's token
        String text = tokens.get(i).text();
        Matcher m = Character.isDigit(text.charAt(0)) ? RATING.matcher(text) : null;
        boolean starred = false;
        if (m != null && m.matches()) {
            score = Double.parseDouble(m.group(1));
            scale = Double.parseDouble(m.group(2));
        } else if (i + 1 < tokens.size() && tokens.get(i + 1).text().equals("*")
                && tokens.get(i + 1).start() == tokens.get(i).end()) {
            score = number(tokens.get(i).lower()); // "5* service", as British reviews write stars
            scale = 5;
            last = i + 1;
            starred = true;
        } else if (i + 3 < tokens.size() && tokens.get(i + 1).lower().equals("out") && tokens.get(i + 2).lower().equals("of")) {
            score = number(tokens.get(i).lower());
            scale = number(tokens.get(i + 3).lower());
            last = i + 3;
            if (scale != 5 && scale != 10) return 0;
            Token counted = last + 1 < tokens.size() ? tokens.get(last + 1) : null;
            if (counted != null && counted.isNoun() && !counted.lower().startsWith("star")) return 0; // "4 out of 5 screws"
        } else {
            return 0;
        }
        if (score < 0 || score > scale) return 0;
        String after = next(tokens, last);
        boolean rating = starred || i == 0 || RATING_CUES.contains(previous(tokens, i))
                || (i >= 2 && RATING_CUES.contains(tokens.get(i - 2).lower()))
                || after.equals("stars") || after.equals("overall") || after.equals("would");
        return rating ? ratingValence(score, scale) : 0;
    }

    /** Three fifths is neutral; the scale runs from -3 to 2.5 like the lexicon's strong words. */
    private static double ratingValence(double score, double scale) {
        return Math.max(-3, Math.min(2.5, (score / scale - 0.6) * 6.25));
    }

    /** "★★★★☆" or "★★★★": stars out of five as rating widgets copy them; 0 for anything else. */
    private static double starGlyphValence(String text) {
        int filled = 0;
        int empty = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '★') filled++;
            else if (c == '☆') empty++;
            else return 0;
        }
        if (filled + empty == 0 || filled + empty > 5 || empty > 0 && filled + empty != 5) return 0;
        return ratingValence(filled, 5);
    }

    /** A whole number from 0 to 10 in digits or words, or -1. */
    private static double number(String word) {
        Integer spelled = NUMBER_WORDS.get(word);
        if (spelled != null) return spelled;
        return word.matches("\\d{1,2}") ? Integer.parseInt(word) : -1;
    }

    /** Whether the next token carries an opinion of its own, so a booster before it modifies it. */
    private boolean opinionFollows(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && lexicon.valence(tokens.get(i + 1).lower()) != 0;
    }

    /**
     * A comparative or superlative the lemmatizer left alone or got wrong ("coolest" as "coole"): the valence of its
     * positive degree ("cool", "nice", "big", "happy").
     */
    private double comparedValence(String lower) {
        int suffix = lower.endsWith("est") ? 3 : lower.endsWith("er") ? 2 : 0;
        if (suffix == 0 || lower.length() < suffix + 3) return 0;
        String stem = lower.substring(0, lower.length() - suffix);
        for (String base : new String[] {stem, stem + "e", stem.endsWith("i") ? stem.substring(0, stem.length() - 1) + "y" : null,
                stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2) ? stem.substring(0, stem.length() - 1) : null}) {
            if (base == null) continue;
            double v = lexicon.valence(base);
            if (v != 0) return v;
        }
        return 0;
    }

    /** Informal spellings: dropped g ("lovin"), stretched letters ("sooo goood", "yayyy"). */
    private double informalValence(String lower) {
        if (lower.endsWith("in") && lower.length() > 4) {
            double v = lexicon.valence(lower + "g");
            if (v != 0) return v;
        }
        if (!hasLetterThrice(lower)) return 0; // most words: no regex on the hot path
        double v = lexicon.valence(THREE_OR_MORE.matcher(lower).replaceAll("$1$1"));
        return v != 0 ? v : lexicon.valence(TWO_OR_MORE.matcher(lower).replaceAll("$1"));
    }

    private static boolean hasLetterThrice(String w) {
        for (int k = 2; k < w.length(); k++) {
            char c = w.charAt(k);
            if (c == w.charAt(k - 1) && c == w.charAt(k - 2) && Character.isLetter(c)) return true;
        }
        return false;
    }

    /** The valence after boosters, negation, capitals and modal perfects ("could have been better"). */
    private double modified(List<Token> tokens, int i, double v, boolean mixedCase, boolean[] inIdiom) {
        Token t = tokens.get(i);
        if (isEmoticon(t)) return v; // an emoticon or emoji shows the writer's mood whatever the words before it say
        double sign = Math.signum(v);
        if (mixedCase && isAllCaps(t.text())) v += sign * CAPS;
        boolean negated = false;
        boolean insisted = false;
        for (int d = 1; d <= SCOPE && i - d >= 0; d++) {
            Token before = tokens.get(i - d);
            if (isClauseBoundary(before)) break;
            double boost = Lexicon.boost(before.lower());
            if (boost != 0 && !(before.lower().equals("no"))) {
                if (mixedCase && isAllCaps(before.text())) boost += Math.signum(boost) * CAPS;
                v += sign * boost * DAMPING[d - 1];
            }
            // the "not" of "would not hesitate to recommend" belongs to its idiom
            if (!negated && Lexicon.isNegation(before.lower()) && !inIdiom[i - d]) {
                negated = true;
                insisted = before.lower().equals("zero"); // "zero support": no support at all
            }
        }
        insisted |= negated && atAllFollows(tokens, i);
        if (i >= 1 && tokens.get(i - 1).lower().equals("least") && !(i >= 2 && tokens.get(i - 2).lower().equals("at"))) {
            negated = !negated;
        }
        if (negated && neverSo(tokens, i)) return v * 1.25; // "never so good": emphasis, not negation
        boolean wish = modalPerfect(tokens, i) || (isComparative(tokens, i) && modalBe(tokens, i));
        if (wish) {
            // "could have been better" wishes for what it was not; "couldn't be happier" is praise
            return negated ? Math.abs(v) : v > 0 ? v * NEGATION : v;
        }
        if (negated) v *= NEGATION * (insisted ? AT_ALL : 1);
        return v;
    }

    /**
     * A negation with no opinion word in its scope ("it didn't work", "I won't be ordering") leans negative on its
     * own: of the review and editorial sentences in which the lexicon finds no opinion word, those with a negation
     * are two to four times as often negative as positive (SST-2 train, MR, NYT editorials; Potts, "On the
     * negativity of negation", 2010).
     */
    private static void markUnattachedNegations(Sentence sentence, List<Token> tokens, double[] valence, boolean[] inIdiom) {
        if (sentence.text().indexOf('?') >= 0) return; // "isn't it?", "who doesn't?": asking, not complaining
        for (int i = 0; i < tokens.size(); i++) {
            // the "not" of "would not hesitate" or "does not disappoint" is part of what its idiom says
            if (valence[i] != 0 || inIdiom[i] || !Lexicon.isNegation(tokens.get(i).lower())) continue;
            if (next(tokens, i).equals("only")) continue; // "not only ... but also"
            boolean attached = false;
            for (int j = i + 1; j <= i + SCOPE && j < tokens.size() && !isClauseBoundary(tokens.get(j)); j++) {
                if (valence[j] != 0) attached = true;
            }
            if (!attached) valence[i] = UNATTACHED_NEGATION * (atAllFollows(tokens, i) ? AT_ALL : 1);
        }
    }

    /** "didn't work at all", "no help at all": "at all" later in the clause insists on the negation, as "zero" does. */
    private static boolean atAllFollows(List<Token> tokens, int i) {
        for (int j = i + 1; j + 1 < tokens.size(); j++) {
            if (isClauseBoundary(tokens.get(j))) return false;
            if (tokens.get(j).lower().equals("at") && tokens.get(j + 1).lower().equals("all")) return true;
        }
        return false;
    }

    private static boolean startsWithContrast(Sentence sentence) {
        return !sentence.tokens().isEmpty() && CONTRAST.contains(sentence.tokens().getFirst().lower());
    }

    /** "not received it yet", "the best yet": time, not the contrast of "cheap, yet sturdy" or "and yet". */
    private static boolean temporalYet(List<Token> tokens, int i) {
        if (!tokens.get(i).lower().equals("yet") || tokens.get(i).isPos("CCONJ")) return false;
        String before = previous(tokens, i);
        return !before.equals(",") && !before.equals("and") && !before.equals(";");
    }

    /** "but" weighs what follows it more than what comes before; "although X, Y" weighs X less. */
    private static void applyContrast(List<Token> tokens, double[] valence) {
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (CONTRAST.contains(t.lower()) && (t.isPos("CCONJ") || t.isPos("ADV")) && i > 0 && !temporalYet(tokens, i)) {
                for (int j = 0; j < i; j++) valence[j] *= BEFORE_CONTRAST;
                for (int j = i + 1; j < n; j++) valence[j] *= AFTER_CONTRAST;
                return;
            }
            if (CONCESSIVE.contains(t.lower()) && t.isPos("SCONJ") || (t.lower().equals("despite") && t.isPos("ADP"))) {
                int end = i + 1;
                while (end < n && !tokens.get(end).lower().equals(",")) end++;
                if (end == n) return; // no main clause to weigh against
                for (int j = i + 1; j < end; j++) valence[j] *= BEFORE_CONTRAST;
                for (int j = end + 1; j < n; j++) valence[j] *= AFTER_CONTRAST;
                for (int j = 0; j < i; j++) valence[j] *= AFTER_CONTRAST;
                return;
            }
        }
    }

    /** The noun phrase an opinion word judges: the noun it modifies, its subject, or its object. */
    /** Adds the aspect the opinion at {@code i} judges; returns its head noun's index, or -1. */
    private static int attachAspect(List<Token> tokens, int i, double valence, boolean[] inIdiom, double[] raw,
                                    Map<String, AspectTally> aspects) {
        Token opinion = tokens.get(i);
        String words = opinion.lower();
        int noun = -1;
        if (inIdiom[i]) {
            // a set phrase judges what it is said of: its subject ("the strap runs small"), else the noun after it
            int end = i;
            while (end + 1 < tokens.size() && inIdiom[end + 1]) words += " " + tokens.get(++end).lower();
            noun = nounBefore(tokens, i, 5);
            if (noun < 0) noun = nounAfter(tokens, end, 3);
        } else if (opinion.isPos("ADJ") || opinion.isPos("NUM")) {
            // said of the subject of "is" ("the fit is great and delivery ..."), else of the noun it comes before
            int copula = copulaBefore(tokens, i);
            noun = copula > 0 ? nounBefore(tokens, copula, 4) : -1;
            if (noun < 0) noun = nounAfter(tokens, i, 2);
            if (noun < 0) noun = nounBefore(tokens, i, 6);
        } else if (opinion.isPos("VERB")) {
            // its object ("love the colour"); a noun behind a preposition is an adjunct ("died after two days"),
            // so then the opinion is on the subject ("the battery died"); after "love it" the subject is who loves
            if (i + 1 < tokens.size() && tokens.get(i + 1).isPos("PRON")) return -1;
            noun = i + 1 < tokens.size() && tokens.get(i + 1).isPos("ADP") ? -1 : nounAfter(tokens, i, 4);
            if (noun < 0 || phrase(tokens, noun) == null) noun = nounBefore(tokens, i, 4);
        } else if (!opinion.isNoun()) {
            noun = nounBefore(tokens, i, 5);
            if (noun < 0) noun = nounAfter(tokens, i, 3);
        } else {
            int copula = copulaBefore(tokens, i); // "the battery life is (a complete) rubbish": the subject of "is"
            if (copula > 0) noun = nounBefore(tokens, copula, 4);
        }
        // "without a scratch" praises the product, not a scratch; "flimsy and overpriced" judges no "flimsy" (a noun
        // VADER rates weakly is mostly a thing: "screws" -1.0, "screwdriver" +0.3)
        if (noun < 0 || inIdiom[noun] || Math.abs(raw[noun]) >= 1.5) return -1;
        return addAspect(tokens, noun, valence, words, aspects) ? noun : -1;
    }

    private static boolean addAspect(List<Token> tokens, int noun, double valence, String words,
                                     Map<String, AspectTally> aspects) {
        String aspect = phrase(tokens, noun);
        if (aspect == null) return false;
        AspectTally tally = aspects.computeIfAbsent(aspect, k -> new AspectTally());
        tally.sum += valence;
        tally.mentions++;
        if (tally.opinions.size() < 5 && !tally.opinions.contains(words)) tally.opinions.add(words);
        return true;
    }

    /**
     * "Cons: battery, speaker, build quality": a section label judges every noun listed after it that no opinion word
     * of its own judges ("Pros: great battery" leaves the battery to "great").
     */
    private static void attachListedAspects(List<Token> tokens, int label, double valence, Set<Integer> judged,
                                            Map<String, AspectTally> aspects) {
        String words = tokens.get(label).lower();
        for (int j = label + 2; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (sectionLabel(tokens, j) != 0) return; // the next section
            boolean head = t.isNoun() && !(j + 1 < tokens.size() && tokens.get(j + 1).isPos("NOUN"));
            if (head && !judged.contains(j)) addAspect(tokens, j, valence, words, aspects);
        }
    }

    /**
     * The "is" of an opinion noun said of the subject ("is rubbish", "was a nightmare", "is a complete waste", whatever
     * the tagger made of "complete"), or -1.
     */
    private static int copulaBefore(List<Token> tokens, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            Token t = tokens.get(j);
            if (t.isPos("AUX") && t.lemma().equals("be")) return j;
            if (isClauseBoundary(t) || t.isPos("VERB") || t.isPos("ADP")) return -1;
        }
        return -1;
    }

    /** The noun compound ending at {@code head} ("battery life"), lemmatized; null for non-aspects. */
    private static String phrase(List<Token> tokens, int head) {
        int first = head;
        while (first > 0 && head - first < 2 && tokens.get(first - 1).isPos("NOUN")) first--;
        StringBuilder b = new StringBuilder();
        for (int j = first; j <= head; j++) {
            if (b.length() > 0) b.append(' ');
            String word = j == head ? singular(tokens.get(j)) : tokens.get(j).lower();
            b.append(ONE_SPELLING.getOrDefault(word, word));
        }
        String aspect = b.toString();
        if (NOT_ASPECTS.contains(aspect) || VERDICT_NOUNS.contains(singular(tokens.get(head)))
                || aspect.length() < 2 || !aspect.chars().anyMatch(Character::isLetter)) {
            return null;
        }
        return aspect;
    }

    /**
     * A plural head noun in its singular, so that "batteries" and "battery" are one aspect; the lemmatizer's lemma only
     * when it is a regular plural's stem (it also turns "charger" into "charge" and "sizing" into "size").
     */
    private static String singular(Token t) {
        String word = t.lower();
        String lemma = t.lemma();
        boolean plural = word.equals(lemma + "s") || word.equals(lemma + "es")
                || (word.endsWith("ies") && lemma.endsWith("y") && word.regionMatches(0, lemma, 0, lemma.length() - 1));
        return plural ? lemma : word;
    }

    private static int nounAfter(List<Token> tokens, int i, int reach) {
        for (int j = i + 1; j < tokens.size() && j <= i + reach; j++) {
            Token t = tokens.get(j);
            if (isClauseBoundary(t)) return -1;
            if (t.isNoun()) {
                while (j + 1 < tokens.size() && tokens.get(j + 1).isPos("NOUN")) j++; // head of "battery life"
                return j;
            }
        }
        return -1;
    }

    private static int nounBefore(List<Token> tokens, int i, int reach) {
        for (int j = i - 1; j >= 0 && j >= i - reach; j--) {
            Token t = tokens.get(j);
            if (isClauseBoundary(t)) return -1;
            if (t.isNoun() || mistaggedSubject(tokens, j, i)) return j;
        }
        return -1;
    }

    /**
     * A subject the greedy tagger took for another part of speech: "the zipper/ADJ keeps breaking", "the fire
     * extinguisher/ADJ arrived" (after a determiner or a noun, right before the opinion: nothing else can be the
     * head), "Sizing/VERB is way off", "and support/VERB is useless".
     */
    private static boolean mistaggedSubject(List<Token> tokens, int j, int opinion) {
        Token t = tokens.get(j);
        boolean afterDeterminer = j > 0 && tokens.get(j - 1).isPos("DET");
        boolean afterNoun = j > 0 && tokens.get(j - 1).isPos("NOUN"); // "the fire extinguisher/ADJ arrived on time"
        if (t.isPos("ADJ")) return (afterDeterminer || afterNoun) && j + 1 == opinion;
        return subjectTaggedAsVerb(tokens, j);
    }

    /**
     * "never so good", "never slept so well", "haven't been this happy": the negation says it was never as much
     * before, an emphasis; "not so good" stays a negation.
     */
    private static boolean neverSo(List<Token> tokens, int i) {
        if (i >= 3 && tokens.get(i - 3).lower().equals("never") && NEVER_SO.contains(tokens.get(i - 2).lower())) {
            return true; // "never so very good"
        }
        if (i < 2 || !NEVER_SO.contains(tokens.get(i - 1).lower())) return false;
        for (int d = 2; d <= 3 && i - d >= 0; d++) {
            String before = tokens.get(i - d).lower();
            if (before.equals("never")) return true;
            if (d == 3 && Lexicon.isNegation(before) && tokens.get(i - 2).lower().equals("been")) return true;
        }
        return false;
    }

    /** Set phrases whose sense is not the sum of their words; the valence sits on the first word. */
    private static void markIdioms(List<Token> tokens, double[] valence, boolean[] covered) {
        for (int i = 0; i < tokens.size(); i++) {
            if (covered[i]) continue; // inside an idiom that starts earlier: "not as described" holds "as described"
            if (i >= 2 && tokens.get(i - 1).lower().equals("of") && tokens.get(i - 2).lower().equals("out")) {
                continue; // the scale of a rating ("2 out of 5 stars"), not "5 stars" of its own
            }
            for (Idiom idiom : IDIOMS_BY_FIRST_WORD.getOrDefault(tokens.get(i).lower(), List.of())) {
                if (idiom.matchesAt(tokens, i)) {
                    valence[i] = idiom.valence;
                    for (int k = 0; k < idiom.words.length; k++) covered[i + k] = true;
                    break;
                }
            }
        }
    }

    private static boolean isComparative(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        return t.lower().equals("better") || previous(tokens, i).equals("more")
                || (t.isPos("ADJ") && t.lower().endsWith("er") && !t.lemma().equals(t.lower()));
    }

    /** "could be better", "couldn't be happier": a modal and "be" just before. */
    private static boolean modalBe(List<Token> tokens, int i) {
        for (int j = Math.max(0, i - 4); j + 1 < i; j++) {
            String w = tokens.get(j).lower();
            boolean modal = MODALS.contains(w) || w.equals("can") || w.startsWith("could") || w.startsWith("can")
                    || w.startsWith("would") || w.startsWith("should");
            if (modal && tokens.get(j + 1).lower().equals("be")) return true;
            if (modal && j + 2 < i && Lexicon.isNegation(tokens.get(j + 1).lower())
                    && tokens.get(j + 2).lower().equals("be")) {
                return true;
            }
        }
        return false;
    }

    /** "could have been better", "should have been cheaper": a wish for what it was not. */
    private static boolean modalPerfect(List<Token> tokens, int i) {
        for (int j = Math.max(0, i - 4); j + 2 < i; j++) {
            if (MODALS.contains(tokens.get(j).lower()) && tokens.get(j + 1).lower().equals("have")
                    && tokens.get(j + 2).lower().equals("been")) {
                return true;
            }
        }
        return false;
    }

    private static double punctuationEmphasis(String text, double sum) {
        if (sum == 0) return 0;
        double emphasis = Math.min(count(text, '!'), 4) * EXCLAMATION;
        int questions = count(text, '?');
        if (questions > 1) emphasis += questions <= 3 ? questions * QUESTION : 0.96;
        return Math.signum(sum) * emphasis;
    }

    private static double emojiValence(String text) {
        double v = 0;
        for (int k = 0; k < text.length(); ) {
            int cp = text.codePointAt(k);
            v += Lexicon.emojiValence(cp);
            k += Character.charCount(cp);
        }
        return v;
    }

    /**
     * How much a word suggests a judgement (first and second person, intensifiers, adjectives and
     * adverbs, modals, verbs of opinion, comparison, negation) or a report of facts (names, numbers,
     * third person): the cues of Wiebe et al.'s subjectivity work, weighted by us.
     */
    private static double subjectivityCue(Token t) {
        String w = t.lower();
        if (Lexicon.isPersonal(w)) return 0.3;
        if (Lexicon.boost(w) != 0 && t.isPos("ADV")) return 0.4;
        if (MODALS.contains(w) || w.equals("may") || w.equals("must") || w.equals("can")) return 0.3;
        if (OPINION_VERBS.contains(t.lemma())) return 0.3;
        if (Lexicon.isNegation(w)) return 0.2;
        if (t.isPos("ADJ")) return w.endsWith("est") || w.endsWith("er") ? 0.35 : 0.25;
        if (t.isPos("ADV")) return 0.15;
        if (t.isPos("PROPN")) return -0.25;
        if (t.isPos("NUM")) return -0.2;
        if (THIRD_PERSON.contains(w)) return -0.15;
        return 0;
    }

    private static final Set<String> OPINION_VERBS = Set.of("think", "feel", "believe", "seem", "guess", "hope",
            "wish", "recommend", "suppose", "doubt", "expect", "prefer", "enjoy", "appreciate", "admire", "hate");
    private static final Set<String> THIRD_PERSON = Set.of("he", "she", "his", "her", "him", "they", "their", "them",
            "himself", "herself", "themselves");

    /**
     * Subjectivity from the evidence of opinion a sentence holds (opinion words by strength and the
     * cues above) per square root of its words, squashed into (0, 1): a long sentence with one mild
     * word stays objective, and names and numbers pull it further towards fact.
     */
    static double subjectivity(double evidence, int words) {
        if (words == 0) return 0;
        return 1 / (1 + Math.exp(-(1.5 * evidence / Math.sqrt(words) - 1)));
    }

    /** A sentence's subjectivity: the model's, given the lexicon cues' as a feature, or the cues' alone. */
    private double subjectivity(Sentence sentence, SentenceResult r) {
        double cues = subjectivity(r.evidence, r.words);
        if (subjectivityModel == null || r.words == 0) return cues;
        return 1 / (1 + Math.exp(-subjectivityModel.margin(DomainModel.tokens(sentence), logOdds(cues))));
    }

    /** log(p / (1 − p)), kept finite at 0 and 1. */
    public static double logOdds(double p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(q / (1 - q));
    }

    /**
     * Whether a text is English, by the classic stop-word test: a text whose words of other languages' (German,
     * Spanish, Portuguese, French, Italian, Dutch function words, or words in another script) outnumber its English
     * function words is not; nor is one of four words or more with neither English function words nor opinion
     * words (garbage, or a language we have no words of). Terse English ("Perfect fit, fast shipping", headlines)
     * has opinion words or a few function words, and no other language's.
     */
    static boolean looksEnglish(int words, int functionWords, int foreignWords, int opinionWords) {
        if (foreignWords > functionWords) return false;
        return words < 4 || functionWords > 0 || opinionWords > 0;
    }

    /**
     * A product's name has neither function nor opinion words ("WHITE HANGING HEART T-LIGHT HOLDER"), garbage neither:
     * English when more than half its words (or their lemmas) are words of the subjectivity model's English vocabulary
     * (some 20,000 words of reviews, news and tweets), which garbage and languages without function words of ours are not.
     */
    private boolean mostlyKnownWords(List<Sentence> sentences, int words) {
        if (subjectivityModel == null || words == 0) return false;
        Map<String, Float> vocabulary = subjectivityModel.weights();
        int known = 0;
        for (Sentence sentence : sentences) {
            for (Token t : sentence.tokens()) {
                if (isWord(t) && !isLink(t) && (vocabulary.containsKey(t.lower()) || vocabulary.containsKey(t.lemma()))) known++;
            }
        }
        return 2 * known > words;
    }

    /**
     * Another language's function word written in lower case (a capitalised "Le" or "De" is more often part of a
     * name in English text), or a word in a script other than Latin.
     */
    private static boolean isForeign(Token t) {
        int first = t.text().codePointAt(0);
        if (Character.UnicodeScript.of(first) != Character.UnicodeScript.LATIN) return true;
        return Character.isLowerCase(first) && Lexicon.isForeignFunctionWord(t.lower());
    }

    static double squash(double sum) {
        return sum / Math.sqrt(sum * sum + ALPHA);
    }

    private static boolean mixedCase(List<Token> tokens) {
        int caps = 0;
        int words = 0;
        for (Token t : tokens) {
            if (!isWord(t)) continue;
            words++;
            if (isAllCaps(t.text())) caps++;
        }
        return caps > 0 && caps < words;
    }

    private static boolean isAllCaps(String text) {
        if (text.length() < 2) return false;
        boolean letter = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isLowerCase(c)) return false;
            if (Character.isLetter(c)) letter = true;
        }
        return letter;
    }

    private static boolean isWord(Token t) {
        return !t.text().isEmpty() && Character.isLetter(t.text().codePointAt(0));
    }

    /** ":)", "<3", an emoji: a token that is neither a word nor a number. */
    private static boolean isEmoticon(Token t) {
        return !t.text().isEmpty() && !Character.isLetterOrDigit(t.text().codePointAt(0));
    }

    private static boolean isHashtag(String lower) {
        return lower.length() > 2 && lower.charAt(0) == '#' && lower.chars().skip(1).allMatch(Character::isLetter);
    }

    /** A web address: no word of any language, so it says nothing about the text's. */
    private static boolean isLink(Token t) {
        return t.lower().startsWith("http") && t.lower().contains("://") || t.lower().startsWith("www.");
    }

    private static boolean isOpenClass(Token t) {
        return t.isPos("NOUN") || t.isPos("VERB") || t.isPos("ADJ") || t.isPos("ADV");
    }

    private static boolean isClauseBoundary(Token t) {
        return (t.isPunctuation() && !t.text().equals("-")) || CONTRAST.contains(t.lower());
    }

    private static String next(List<Token> tokens, int i) {
        return i + 1 < tokens.size() ? tokens.get(i + 1).lower() : "";
    }

    private static String previous(List<Token> tokens, int i) {
        return i > 0 ? tokens.get(i - 1).lower() : "";
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int k = 0; k < text.length(); k++) if (text.charAt(k) == c) n++;
        return n;
    }

    private record Idiom(String[] words, double valence) {
        /** The phrase's words; a hyphen is a token of its own, as the tokenizer splits "rip-off". */
        static Idiom of(String phrase, double valence) {
            return new Idiom(phrase.replace("-", " - ").split(" +"), valence);
        }

        boolean matchesAt(List<Token> tokens, int i) {
            if (i + words.length > tokens.size()) return false;
            for (int k = 0; k < words.length; k++) {
                if (!tokens.get(i + k).lower().equals(words[k])) return false;
            }
            return true;
        }
    }

    /** Review idioms; returning ("be back") is a wish to come again that negation turns around. */
    private static final List<Idiom> IDIOMS = withShopPhrases(List.of(Idiom.of("to die for", 2.5), Idiom.of("thumbs up", 2.0),
            Idiom.of("can't wait", 1.5), Idiom.of("cant wait", 1.5), Idiom.of("cannot wait", 1.5),
            Idiom.of("can’t wait", 1.5),
            // two of VADER's three phrases, with its values (a lexicon entry is one token here; "screwed" says the third)
            Idiom.of("can't stand", -2.0), Idiom.of("cant stand", -2.0), Idiom.of("cannot stand", -2.0),
            Idiom.of("can’t stand", -2.0), Idiom.of("fed up", -1.8),
            // praise said with a negation, which would otherwise count as a bare negation
            Idiom.of("wouldn't change a thing", 2.0), Idiom.of("would not change a thing", 2.0),
            Idiom.of("couldn't put it down", 2.5), Idiom.of("could not put it down", 2.5),
            Idiom.of("can't put it down", 2.5), Idiom.of("without a scratch", 1.5), Idiom.of("not a scratch", 1.5),
            Idiom.of("without a hitch", 1.5), Idiom.of("wouldn't hesitate", 2.0), Idiom.of("would not hesitate", 2.0),
            Idiom.of("don't hesitate", 1.5), Idiom.of("do not hesitate", 1.5),
            Idiom.of("thumbs down", -2.0), Idiom.of("a lot to be desired", -2.0), Idiom.of("never again", -2.0),
            Idiom.of("zero stars", -2.5), Idiom.of("0 stars", -2.5), Idiom.of("one star", -1.5),
            Idiom.of("1 star", -1.5), Idiom.of("five stars", 2.5), Idiom.of("5 stars", 2.5),
            Idiom.of("fell apart", -2.0), Idiom.of("falls apart", -2.0),
            Idiom.of("go back", 1.0), Idiom.of("come back", 1.0), Idiom.of("be back", 1.0),
            Idiom.of("going back", 1.0), Idiom.of("coming back", 1.0), Idiom.of("sent it back", -1.5),
            Idiom.of("send it back", -1.5), Idiom.of("returned it", -1.5)));

    /** The idioms that start with each word, in the order above (the first that matches wins). */
    private static final Map<String, List<Idiom>> IDIOMS_BY_FIRST_WORD = IDIOMS.stream()
            .collect(Collectors.groupingBy(idiom -> idiom.words[0], LinkedHashMap::new, Collectors.toList()));

    /**
     * What shoppers write: "as described" is praise and "not as described", however the negation is written, a
     * complaint (likewise "worth it"); "would buy again", "does the job", "runs small", "took forever", "fast shipping",
     * "arrived late".
     */
    private static List<Idiom> withShopPhrases(List<Idiom> review) {
        List<Idiom> idioms = new ArrayList<>(review);
        List<String> nots = List.of("not", "isn't", "wasn't", "aren't", "weren't", "isnt", "wasnt");
        for (String promise : List.of("described", "advertised", "pictured", "shown", "promised")) {
            for (String not : nots) idioms.add(Idiom.of(not + " as " + promise, -2.0));
            idioms.add(Idiom.of("as " + promise, 1.5));
        }
        for (String not : nots) idioms.add(Idiom.of(not + " worth", -2.0));
        for (String works : List.of("works", "worked", "working")) idioms.add(Idiom.of(works + " as expected", 1.5));
        for (String not : List.of("not", "doesn't", "does not", "didn't", "did not", "doesnt", "didnt", "isn't", "wasn't")) {
            idioms.add(Idiom.of(not + " work as expected", -2.0));
            idioms.add(Idiom.of(not + " working as expected", -2.0));
            idioms.add(Idiom.of(not + " as expected", -2.0));
        }
        for (String not : nots) idioms.add(Idiom.of(not + " fit for purpose", -2.5)); // the consumer-law phrase
        idioms.add(Idiom.of("unfit for purpose", -2.5));
        for (String again : List.of("buy again", "buy it again", "order again", "purchase again", "buy another")) {
            idioms.add(Idiom.of(again, 2.0));
        }
        for (String does : List.of("does", "did", "do")) {
            idioms.add(Idiom.of(does + " the job", 1.5));
            idioms.add(Idiom.of(does + " the trick", 1.5));
            idioms.add(Idiom.of(does + " what it says", 1.5));
            idioms.add(Idiom.of(does + " what it should", 1.5));
            idioms.add(Idiom.of(does + " exactly what it", 1.5)); // "says", "should", "promises"
        }
        for (String dont : List.of("do not buy", "don't buy", "dont buy")) idioms.add(Idiom.of(dont, -2.5));
        for (String took : List.of("took", "takes", "taking", "take")) {
            idioms.add(Idiom.of(took + " forever", -1.5));
            idioms.add(Idiom.of(took + " ages", -1.5));
        }
        for (String runs : List.of("runs", "run", "ran")) {
            idioms.add(Idiom.of(runs + " small", -1.0));
            idioms.add(Idiom.of(runs + " large", -1.0));
            idioms.add(Idiom.of(runs + " big", -1.0));
        }
        idioms.add(Idiom.of("true to size", 1.5));
        for (String exceeded : List.of("exceeded", "exceeds", "exceed", "surpassed")) {
            idioms.add(Idiom.of(exceeded + " my expectations", 2.5));
            idioms.add(Idiom.of(exceeded + " expectations", 2.5));
        }
        idioms.add(Idiom.of("below expectations", -2.0));
        idioms.add(Idiom.of("below my expectations", -2.0));
        idioms.add(Idiom.of("below average", -1.5)); // "average" itself judges nothing
        for (String high : List.of("high quality", "high-quality", "top quality", "premium quality")) idioms.add(Idiom.of(high, 2.0));
        // "short" judges nothing by itself ("short sleeves"), but a short battery life is a fault
        for (String life : List.of("battery life", "battery backup", "life", "lifespan")) {
            idioms.add(Idiom.of("short " + life, -1.5));
            for (String is : List.of("is", "was", "'s", "is very", "is too", "is quite")) idioms.add(Idiom.of(life + " " + is + " short", -1.5));
        }
        for (String heavy : List.of("heavy to carry", "heavy to lift", "bulky to carry", "hard to carry")) idioms.add(Idiom.of(heavy, -1.5));
        idioms.add(Idiom.of("above average", 1.5));
        for (String expected : List.of("expected", "expecting", "hoped for", "hoping for")) {
            // "Expected better." was VADER's "better", praise
            for (String more : List.of("better", "more", "a lot more", "much more", "much better")) idioms.add(Idiom.of(expected + " " + more, -1.5));
        }
        // delivery: "fast" and "late" judge nothing by themselves ("drains fast"), but do after or before these
        for (String speed : List.of("fast", "quick", "speedy", "prompt")) {
            for (String delivery : List.of("shipping", "delivery", "dispatch", "postage")) idioms.add(Idiom.of(speed + " " + delivery, 1.5));
        }
        for (String came : List.of("arrived", "delivered", "shipped", "came", "dispatched")) {
            for (String when : List.of("quickly", "fast", "promptly", "early", "on time")) idioms.add(Idiom.of(came + " " + when, 1.5));
            idioms.add(Idiom.of(came + " late", -1.5));
        }
        for (String late : List.of("late delivery", "late shipping", "still waiting", "never arrived", "never received",
                "never came", "cheap plastic", "feels cheap", "looks cheap", "felt cheap")) {
            idioms.add(Idiom.of(late, -2.0));
        }
        for (String packed : List.of("well packed", "well packaged", "nicely packed", "nicely packaged", "well wrapped",
                "a day early", "days early", "quick to respond", "quick to reply", "well made", "well built", "well designed")) {
            idioms.add(Idiom.of(packed, 1.5));
        }
        for (String missing : List.of("missing from", "no instructions", "no manual included", "out of date", "arrived melted",
                "tastes like cardboard", "tasted like cardboard", "feels like cardboard")) {
            idioms.add(Idiom.of(missing, -2.0));
        }
        for (String not : List.of("not", "haven't", "have not", "hasn't", "has not", "still not", "not yet")) {
            for (String received : List.of("received", "arrived")) idioms.add(Idiom.of(not + " " + received, -2.0));
        }
        withWarningsAndVerdicts(idioms, nots);
        withFaultsAndWear(idioms);
        return List.copyOf(idioms);
    }

    /**
     * A shopper's advice to others and verdicts on the purchase. Where a negation is part of the phrase it is written
     * out: "don't waste your money" is a warning, not a negated "waste", and "can't recommend it enough" praise.
     */
    private static void withWarningsAndVerdicts(List<Idiom> idioms, List<String> nots) {
        for (String dont : List.of("don't", "do not", "dont")) {
            idioms.add(Idiom.of(dont + " waste your money", -2.5));
            idioms.add(Idiom.of(dont + " waste your time", -2.5));
        }
        for (String warning : List.of("save your money", "rip off", "rip-off", "ripoff", "ripped off")) idioms.add(Idiom.of(warning, -2.5));
        for (String warning : List.of("buyer beware", "stay away", "steer clear", "no stars")) idioms.add(Idiom.of(warning, -2.0));
        for (String avoid : List.of("avoid this", "avoid it", "avoid at all costs", "avoid like the plague")) idioms.add(Idiom.of(avoid, -2.5));
        for (String fake : List.of("knock off", "knock-off", "knockoff")) idioms.add(Idiom.of(fake, -1.5));
        for (String dont : List.of("don't", "do not", "dont", "wouldn't", "would not")) {
            idioms.add(Idiom.of(dont + " bother", -2.0));
        }
        for (String is : List.of("is", "was", "'s", "are", "were", "what")) {
            for (String joke : List.of("a joke", "a complete joke", "an absolute joke", "a total joke")) {
                idioms.add(Idiom.of(is + " " + joke, -2.0)); // a "joke" is fun in VADER
            }
        }
        idioms.add(Idiom.of("highly recommended", 2.0)); // VADER's "recommended" is mild (0.8)
        idioms.add(Idiom.of("worth it", 1.5));
        for (String separator : List.of(":", "-")) {
            for (String none : List.of("none", "nothing", "no")) {
                for (String pros : PRAISE_LABELS) idioms.add(Idiom.of(pros + " " + separator + " " + none, -1.5));
                for (String cons : COMPLAINT_LABELS) idioms.add(Idiom.of(cons + " " + separator + " " + none, 1.5));
            }
        }
        // Indian shop English: "worth for money", "not up to the mark", "go for it", "duplicate" for a fake
        for (String worth : List.of("worth for money", "worth for the money", "worth for price")) {
            idioms.add(Idiom.of(worth, 2.0));
        }
        idioms.add(Idiom.of("up to the mark", 1.5));
        for (String not : List.of("not", "isn't", "wasn't", "not even")) idioms.add(Idiom.of(not + " up to the mark", -2.0));
        idioms.add(Idiom.of("go for it", 1.5));
        for (String dont : List.of("don't", "do not", "dont", "never")) idioms.add(Idiom.of(dont + " go for it", -2.0));
        for (String fake : List.of("duplicate product", "duplicate item", "received used", "received a used")) {
            idioms.add(Idiom.of(fake, -2.0));
        }
        for (String aspect : List.of("size", "sizing", "fitting", "quality", "stitching", "battery", "heating")) {
            idioms.add(Idiom.of(aspect + " issue", -1.5));
            idioms.add(Idiom.of(aspect + " issues", -1.5));
        }
        for (String soso : List.of("ok ok", "okay okay", "ok-ok")) idioms.add(Idiom.of(soso, 0)); // so-so: no verdict
        for (String fine : List.of("no questions asked", "no quibbles", "no hassle", "hassle free", "hassle-free", "like new",
                "good as new")) {
            idioms.add(Idiom.of(fine, 1.5));
        }
        // sarcasm at its plainest: the praise word is the complaint
        for (String sarcasm : List.of("oh great", "oh wonderful", "oh joy", "great , another", "thanks for nothing", "yeah right")) {
            idioms.add(Idiom.of(sarcasm, -1.5));
        }
        for (String never : List.of("never buying", "never ordering", "never buy from", "never order from", "won't be buying",
                "won't be ordering", "will not be buying", "will not be ordering")) {
            idioms.add(Idiom.of(never, -2.0));
        }
        for (String more : List.of("will be ordering more", "will order more", "will be buying more", "will buy more")) {
            idioms.add(Idiom.of(more, 1.5));
        }
        for (String regret : List.of("wish i hadn't bought", "wish i had not bought", "wish i never bought", "wish i hadn't ordered")) {
            idioms.add(Idiom.of(regret, -2.0));
        }
        for (String does : List.of("does exactly what i need", "does what i need", "perfect for what i need")) {
            idioms.add(Idiom.of(does, 1.5));
        }
        for (String early : List.of("too early to tell", "too early to say", "too soon to tell", "too soon to say")) {
            idioms.add(Idiom.of(early, 0)); // no verdict yet, not the complaint "too" makes of "too early"
        }
        for (String must : List.of("a must have", "a must-have", "must-have", "a must buy", "a must-buy", "must buy")) {
            idioms.add(Idiom.of(must, 2.0));
        }
        for (String cant : List.of("can't", "cannot", "cant", "can’t")) {
            for (String it : List.of("it ", "this ", "")) {
                idioms.add(Idiom.of(cant + " recommend " + it + "enough", 2.5));
                idioms.add(Idiom.of(cant + " recommend " + it + "highly enough", 2.5));
            }
        }
        for (String wont : List.of("wouldn't", "wouldnt", "don't", "dont", "can't", "cannot", "cant", "couldn't", "not")) {
            idioms.add(Idiom.of(wont + " recommend", -2.0));
        }
        idioms.add(Idiom.of("not recommended", -2.0));
        for (String not : nots) {
            for (String wanted : List.of("ordered", "expected", "wanted", "paid for")) idioms.add(Idiom.of(not + " what i " + wanted, -2.0));
        }
        for (String exactly : List.of("exactly", "just")) {
            for (String wanted : List.of("needed", "wanted", "ordered", "was looking for", "asked for")) {
                idioms.add(Idiom.of(exactly + " what i " + wanted, 2.0));
            }
        }
        for (String works : List.of("works", "worked", "work", "working")) {
            idioms.add(Idiom.of(works + " as expected", 1.5));
            idioms.add(Idiom.of(works + " as intended", 1.5));
        }
        for (String worth : List.of("worth every penny", "worth every cent")) idioms.add(Idiom.of(worth, 2.5));
        for (String worth : List.of("money well spent", "worth the money", "worth the price")) idioms.add(Idiom.of(worth, 2.0));
        for (String fine : List.of("no complaints", "no complaint", "nothing to complain about")) idioms.add(Idiom.of(fine, 2.0));
        for (String fine : List.of("no issues", "no problems", "no problem", "zero issues", "zero problems", "zero complaints",
                "can't complain", "cannot complain", "cant complain")) {
            idioms.add(Idiom.of(fine, 1.5));
        }
        for (String didnt : List.of("didn't", "doesn't", "won't", "did not", "does not", "will not", "never", "not", "didnt", "doesnt")) {
            idioms.add(Idiom.of(didnt + " disappoint", 2.0));
        }
        idioms.add(Idiom.of("never disappoints", 2.0));
        for (String stars : List.of("five star", "5 star")) idioms.add(Idiom.of(stars, 2.5));
        for (String stars : List.of("four stars", "4 stars")) idioms.add(Idiom.of(stars, 1.5));
        for (String stars : List.of("two stars", "2 stars")) idioms.add(Idiom.of(stars, -1.0));
        for (String refund : List.of("no refund", "want a refund", "wanted a refund", "asked for a refund", "requested a refund",
                "had to return", "have to return", "will be returning", "returning it")) {
            idioms.add(Idiom.of(refund, refund.endsWith("refund") ? -2.0 : -1.5));
        }
        for (String silent : List.of("never replied", "never responded", "never answered", "never got back", "no reply", "no response")) {
            idioms.add(Idiom.of(silent, -1.5));
        }
        for (String picture : List.of("picture", "pictures", "photo", "photos", "description")) {
            idioms.add(Idiom.of("nothing like the " + picture, -2.0));
            idioms.add(Idiom.of("like the " + picture, 1.5));
            idioms.add(Idiom.of("different from the " + picture, -1.5));
        }
    }

    /**
     * What goes wrong with goods and what lasts: "battery drains fast", "shrank in the wash", "keeps disconnecting";
     * "holds a charge" and "lasts long" are praise that a negation before them turns ("doesn't hold a charge").
     */
    private static void withFaultsAndWear(List<Idiom> idioms) {
        for (String drains : List.of("drains", "drained", "drain")) {
            for (String fast : List.of("fast", "quickly", "quick", "the battery")) idioms.add(Idiom.of(drains + " " + fast, -1.5));
        }
        idioms.add(Idiom.of("battery drain", -1.5));
        // a phone "hangs" in Indian English: it freezes
        for (String hangs : List.of("hangs a lot", "hangs frequently", "hangs often", "keeps hanging", "hanging issue",
                "hanging problem", "hang issue", "heats up a lot", "heats up too much", "gets too hot", "gets very hot",
                "gets really hot", "heating problem")) {
            idioms.add(Idiom.of(hangs, -1.5));
        }
        for (String shrank : List.of("shrank", "shrunk", "shrinks", "faded after", "fades after", "cheaply made", "badly made",
                "poorly made")) {
            idioms.add(Idiom.of(shrank, -1.5));
        }
        for (String keeps : List.of("keeps", "kept")) {
            for (String failing : List.of("disconnecting", "crashing", "freezing", "dropping", "breaking", "falling off",
                    "turning off", "shutting off", "shutting down", "jamming", "leaking")) {
                idioms.add(Idiom.of(keeps + " " + failing, -1.5));
            }
        }
        for (String stopped : List.of("stopped", "stops", "quit")) {
            for (String working : List.of("charging", "responding", "turning on", "holding a charge", "working")) {
                idioms.add(Idiom.of(stopped + " " + working, -2.0));
            }
        }
        idioms.add(Idiom.of("died on me", -2.0));
        for (String not : List.of("doesn't", "does not", "didn't", "did not", "won't", "don't", "doesnt", "didnt")) {
            for (String verb : List.of("close", "work", "fit", "seal", "lock", "charge", "connect", "stay", "hold", "stay shut")) {
                idioms.add(Idiom.of(not + " " + verb + " properly", -2.0));
            }
            idioms.add(Idiom.of(not + " line up", -1.5));
        }
        for (String off : List.of("way off", "completely off", "totally off", "snapped off", "snapped in half", "snapped in two",
                "seams split", "seam split", "split at the seams", "dead on arrival", "lost its shape")) {
            idioms.add(Idiom.of(off, -2.0));
        }
        for (String lasted : List.of("lasted less than", "lasted only", "only lasted", "lasted just", "lasted barely")) {
            idioms.add(Idiom.of(lasted, -1.5));
        }
        for (String pieces : List.of("in pieces", "to pieces", "in bits")) {
            for (String arrived : List.of("arrived", "came", "smashed", "broken", "shattered")) {
                idioms.add(Idiom.of(arrived + " " + pieces, -2.0));
            }
        }
        idioms.add(Idiom.of("smashed it", 2.0)); // British praise; "smashed" alone is damage
        for (String apart : List.of("coming apart", "came apart", "comes apart")) idioms.add(Idiom.of(apart, -2.0));
        for (String hard : List.of("hard to", "difficult to")) {
            for (String use : List.of("assemble", "install", "use", "clean", "open", "close", "read", "follow", "set up",
                    "put together", "understand", "fit")) {
                idioms.add(Idiom.of(hard + " " + use, -1.5));
            }
        }
        idioms.add(Idiom.of("hard to beat", 2.0)); // "hard to find" and the like judge nothing on their own
        idioms.add(Idiom.of("hard to put down", 2.0));
        for (String crack : List.of("cracked me up", "cracks me up")) idioms.add(Idiom.of(crack, 2.0));
        for (String part : List.of("parts", "pieces")) {
            idioms.add(Idiom.of("missing " + part, -2.0));
            idioms.add(Idiom.of(part + " missing", -2.0));
            idioms.add(Idiom.of(part + " were missing", -2.0));
        }
        for (String with : List.of("with a scratch", "with scratches", "arrived scratched", "came scratched")) idioms.add(Idiom.of(with, -1.5));
        // a negated praise is a weak opinion ("not great"), but these negations are plain complaints
        for (String doesnt : List.of("doesn't", "didn't", "won't", "does not", "did not", "will not", "doesnt", "didnt", "wont")) {
            idioms.add(Idiom.of(doesnt + " hold a charge", -2.0));
            idioms.add(Idiom.of(doesnt + " hold charge", -2.0));
            idioms.add(Idiom.of(doesnt + " last", -1.5));
        }
        for (String holds : List.of("holds", "hold", "held", "holding")) {
            idioms.add(Idiom.of(holds + " a charge", 1.5));
            idioms.add(Idiom.of(holds + " its charge", 1.5));
            idioms.add(Idiom.of(holds + " charge", 1.5));
        }
        for (String lasts : List.of("lasts", "last", "lasted")) {
            for (String long_ : List.of("all day", "for days", "for hours", "forever", "long", "for ages")) {
                idioms.add(Idiom.of(lasts + " " + long_, 1.5));
            }
        }
        for (String lasting : List.of("long lasting", "long-lasting")) idioms.add(Idiom.of(lasting, 1.5));
        idioms.add(Idiom.of("well-made", 2.0));
        for (String fit : List.of("doesn't fit", "didn't fit", "does not fit", "did not fit", "don't fit", "won't fit", "doesnt fit")) {
            idioms.add(Idiom.of(fit, -1.5));
        }
    }

    private record SentenceResult(double sum, double evidence, int words, int functionWords, int foreignWords,
                                  int opinionWords) {
    }

    private static final class AspectTally {
        double sum;
        int mentions;
        final List<String> opinions = new ArrayList<>(2);
    }
}
