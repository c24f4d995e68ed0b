package io.storefront.sentiment.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words and signs the scorer knows. Word and emoticon valences come from the VADER lexicon
 * (Hutto &amp; Gilbert 2014, MIT; resource {@code vader_sentiment_lexicon.txt} of
 * {@code vader-sentiment-analyzer}), means of ten human ratings in [-4, 4]. Emoji, intensifiers,
 * downtoners, negation cues and function words are ours.
 */
public final class Lexicon {

    public static final String VADER_RESOURCE = "vader_sentiment_lexicon.txt";

    private final Map<String, Double> valences;

    private Lexicon(Map<String, Double> valences) {
        this.valences = Map.copyOf(valences);
    }

    public static Lexicon load() {
        Map<String, Double> valences = new HashMap<>(8_192);
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(VADER_RESOURCE)) {
            if (in == null) throw new IllegalStateException(VADER_RESOURCE + " is not on the class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.strip().split("\t");
                if (fields.length >= 2) valences.put(fields[0].toLowerCase(Locale.ROOT), Double.parseDouble(fields[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + VADER_RESOURCE, e);
        }
        DROPPED.forEach(valences::remove);
        OWN_WORDS.forEach(valences::putIfAbsent);
        return new Lexicon(valences);
    }

    /** The valence of a word or emoticon in [-4, 4], or 0 when it carries none. */
    public double valence(String lower) {
        Double v = valences.get(lower);
        return v == null ? 0 : v;
    }

    /**
     * The emoticons and other signs among the entries (":o)", "<3", "\\o/"): entries without a space that start with
     * neither a letter nor a digit ("d:" and "8)" are as often a list's "D:" and "8)").
     */
    public Set<String> signs() {
        Set<String> signs = new HashSet<>();
        for (String entry : valences.keySet()) {
            if (!entry.isEmpty() && !Character.isLetterOrDigit(entry.codePointAt(0))
                    && entry.codePoints().noneMatch(Character::isWhitespace)) {
                signs.add(entry);
            }
        }
        return signs;
    }

    /** The valence of one emoji code point (skin tones and variation selectors carry none). */
    public static double emojiValence(int codePoint) {
        Double v = EMOJI.get(codePoint);
        return v == null ? 0 : v;
    }

    /** How much an intensifier (positive) or downtoner (negative) moves the word it modifies. */
    public static double boost(String lower) {
        Double b = BOOSTERS.get(lower);
        return b == null ? 0 : b;
    }

    public static boolean isNegation(String lower) {
        return NEGATIONS.contains(lower) || lower.endsWith("n't") || lower.endsWith("n’t");
    }

    public static boolean isFunctionWord(String lower) {
        return FUNCTION_WORDS.contains(lower);
    }

    /** A function word (or a word as common) of German, Spanish, Portuguese, French, Italian or Dutch. */
    public static boolean isForeignFunctionWord(String lower) {
        return FOREIGN_FUNCTION_WORDS.contains(lower);
    }

    public static boolean isPersonal(String lower) {
        return PERSONAL.contains(lower);
    }

    static final double INCREMENT = 0.293;
    static final double DECREMENT = -0.293;

    /**
     * Two-word names of kinds of product in which a word of the lexicon names, not judges: "Pressure cooker works fine"
     * was negative (VADER's "pressure" -1.2), "The fire extinguisher arrived on time" neutral.
     */
    static final Set<String> PRODUCT_NAMES = Set.of("pressure cooker", "pressure cookers", "pressure washer",
            "pressure washers", "stress ball", "stress balls", "fire extinguisher", "fire extinguishers", "fire alarm",
            "fire alarms", "fire pit", "fire blanket", "fire starter", "smoke alarm", "smoke alarms", "smoke detector",
            "smoke detectors", "burglar alarm", "mouse trap", "mouse traps", "rat trap", "fly trap", "pest control",
            "weed killer", "insect killer", "bug zapper", "hidden pocket", "hidden pockets", "hidden compartment",
            "crime novel", "crime thriller", "horror novel", "war game", "punching bag", "punch bag", "killer heels");

    /**
     * Review vocabulary the VADER lexicon lacks (it was built from social media): food, service,
     * delivery, products and films, valued on VADER's scale by us. None is a VADER word (a test checks): VADER's
     * value would win. A hyphenated word is here when the tokenizer keeps it whole ("must-have"), and among the set
     * phrases when it splits it ("rip-off" is both).
     */
    static final Map<String, Double> OWN_WORDS = Map.ofEntries(
            // products and delivery
            Map.entry("refund", -1.0), Map.entry("refunded", -0.8),
            Map.entry("flimsy", -1.7), Map.entry("overpriced", -1.9),
            Map.entry("pricey", -0.8), Map.entry("malfunction", -2.0), Map.entry("unusable", -2.4),
            Map.entry("unreliable", -1.9), Map.entry("reliable", 1.6), Map.entry("sturdy", 1.6), Map.entry("durable", 1.5),
            Map.entry("comfy", 1.8), Map.entry("cozy", 1.8), Map.entry("spacious", 1.3), Map.entry("cramped", -1.2),
            Map.entry("leaks", -1.4), Map.entry("junk", -2.2), Map.entry("ripoff", -2.5),
            Map.entry("rip-off", -2.5), Map.entry("knock-off", -1.5), Map.entry("long-lasting", 1.5), Map.entry("letdown", -2.0),
            Map.entry("nightmare", -2.3), Map.entry("laggy", -1.6),
            Map.entry("buggy", -1.8), Map.entry("glitchy", -1.8), Map.entry("cheaply", -1.2), Map.entry("handy", 1.5),
            Map.entry("versatile", 1.5), Map.entry("intuitive", 1.5), Map.entry("seamless", 1.8), Map.entry("speedy", 1.5),
            Map.entry("flawed", -1.5), Map.entry("flaw", -1.3), Map.entry("flaws", -1.3), Map.entry("faded", -1.2), Map.entry("fades", -1.2), Map.entry("impeccable", 2.8), Map.entry("spotless", 2.0),
            Map.entry("stylish", 1.8), Map.entry("affordable", 1.5),
            Map.entry("must-have", 2.0), Map.entry("well-made", 2.0), Map.entry("filthy", -2.5),
            Map.entry("mediocre", -1.5), Map.entry("subpar", -1.8),
            Map.entry("sub-par", -1.8), Map.entry("underwhelming", -1.7),
            // what arrives damaged or wears badly, and what fits or keeps out the weather
            Map.entry("scratchy", -1.3), Map.entry("wobbly", -1.5), Map.entry("dented", -1.5), Map.entry("smashed", -2.0),
            Map.entry("scratched", -1.3), Map.entry("chipping", -1.5), Map.entry("tinny", -1.5), Map.entry("poorly", -1.5),
            Map.entry("cracked", -1.8), Map.entry("chipped", -1.5), Map.entry("rusted", -1.5), Map.entry("rusty", -1.5),
            Map.entry("clunky", -1.5), Map.entry("smelly", -1.8), Map.entry("peeling", -1.2), Map.entry("counterfeit", -2.3),
            Map.entry("stained", -1.3), Map.entry("squeaky", -1.2), Map.entry("warped", -1.5), Map.entry("frayed", -1.5),
            Map.entry("fraying", -1.5), Map.entry("scuffed", -1.3), Map.entry("tarnished", -1.5), Map.entry("overheats", -1.8),
            Map.entry("overheating", -1.8), Map.entry("roomy", 1.3), Map.entry("cosy", 1.8), Map.entry("waterproof", 1.0),
            Map.entry("sag", -1.3), Map.entry("sags", -1.3), Map.entry("sagging", -1.3), Map.entry("sagged", -1.3),
            // review words VADER lacks, rated like its neighbours ("decent" as "acceptable" 1.3)
            Map.entry("decent", 1.3), Map.entry("sleek", 1.5), Map.entry("premium", 1.2), Map.entry("effortless", 1.5),
            Map.entry("user-friendly", 1.6), Map.entry("crisp", 1.3), Map.entry("punctual", 1.5), Map.entry("hygienic", 1.0),
            Map.entry("unhygienic", -2.0), Map.entry("leaky", -1.5), Map.entry("leaking", -1.3), Map.entry("fragile", -1.0),
            Map.entry("grainy", -1.2), Map.entry("inaccurate", -1.5), Map.entry("complicated", -1.0), Map.entry("bulky", -0.8),
            // Indian shop English and its texting spellings ("genuine product", "gud quality", "osm")
            Map.entry("genuine", 1.5), Map.entry("gud", 1.9), Map.entry("osm", 3.1), Map.entry("awsm", 3.1),
            Map.entry("awsome", 3.1), Map.entry("nyc", 1.8),
            // British reviews ("absolute rubbish", "really chuffed")
            Map.entry("rubbish", -2.0), Map.entry("shoddy", -2.0), Map.entry("naff", -1.5), Map.entry("grotty", -1.8),
            Map.entry("tatty", -1.5), Map.entry("gutted", -2.0), Map.entry("chuffed", 2.2),
            // food and service
            Map.entry("tasty", 2.0), Map.entry("flavorful", 2.0), Map.entry("flavourful", 2.0),
            Map.entry("refreshing", 1.8), Map.entry("juicy", 1.3), Map.entry("crispy", 1.0), Map.entry("authentic", 1.3),
            Map.entry("attentive", 1.8), Map.entry("prompt", 1.0), Map.entry("polite", 1.5),
            Map.entry("straightforward", 1.5), Map.entry("knowledgeable", 1.5),
            Map.entry("incredible", 2.8), Map.entry("phenomenal", 3.0), Map.entry("exceptional", 2.8),
            Map.entry("bland", -1.8), Map.entry("tasteless", -2.0), Map.entry("stale", -1.8), Map.entry("slow", -1.0),
            Map.entry("lukewarm", -1.2), Map.entry("overcooked", -1.6), Map.entry("undercooked", -1.6),
            Map.entry("soggy", -1.6), Map.entry("greasy", -1.2), Map.entry("inedible", -2.8), Map.entry("disgraceful", -2.8),
            Map.entry("inattentive", -1.8), Map.entry("sloppy", -1.8),
            Map.entry("unhelpful", -1.8), Map.entry("overrated", -1.7),
            // films and books
            Map.entry("uninspired", -1.5), Map.entry("forgettable", -1.5),
            Map.entry("tedious", -1.7), Map.entry("pointless", -1.8), Map.entry("predictable", -1.0),
            Map.entry("cliched", -1.2), Map.entry("clichéd", -1.2), Map.entry("unwatchable", -2.5), Map.entry("unfunny", -1.8),
            Map.entry("unoriginal", -1.5), Map.entry("pretentious", -1.5),
            Map.entry("incoherent", -1.8), Map.entry("bloated", -1.2), Map.entry("poignant", 1.5),
            Map.entry("riveting", 2.3), Map.entry("gripping", 2.0));

    /** VADER entries that are chat acronyms colliding with ordinary words ("pita": pain in the ass). */
    private static final Set<String> DROPPED = Set.of("pita");

    private static final Map<String, Double> BOOSTERS = Map.ofEntries(
            Map.entry("absolutely", INCREMENT), Map.entry("amazingly", INCREMENT), Map.entry("awfully", INCREMENT),
            Map.entry("completely", INCREMENT), Map.entry("considerably", INCREMENT), Map.entry("decidedly", INCREMENT),
            Map.entry("deeply", INCREMENT), Map.entry("enormously", INCREMENT), Map.entry("entirely", INCREMENT),
            Map.entry("especially", INCREMENT), Map.entry("exceptionally", INCREMENT), Map.entry("extremely", INCREMENT),
            Map.entry("fabulously", INCREMENT), Map.entry("greatly", INCREMENT), Map.entry("highly", INCREMENT),
            Map.entry("hugely", INCREMENT), Map.entry("incredibly", INCREMENT), Map.entry("intensely", INCREMENT),
            Map.entry("majorly", INCREMENT), Map.entry("more", INCREMENT), Map.entry("most", INCREMENT),
            Map.entry("particularly", INCREMENT), Map.entry("purely", INCREMENT), Map.entry("quite", INCREMENT),
            Map.entry("really", INCREMENT), Map.entry("remarkably", INCREMENT), Map.entry("so", INCREMENT),
            Map.entry("substantially", INCREMENT), Map.entry("thoroughly", INCREMENT), Map.entry("totally", INCREMENT),
            Map.entry("tremendously", INCREMENT), Map.entry("truly", INCREMENT), Map.entry("unbelievably", INCREMENT),
            Map.entry("unusually", INCREMENT), Map.entry("utterly", INCREMENT), Map.entry("very", INCREMENT),
            Map.entry("vry", INCREMENT),
            Map.entry("super", INCREMENT), Map.entry("too", INCREMENT), Map.entry("damn", INCREMENT),
            Map.entry("insanely", INCREMENT), Map.entry("seriously", INCREMENT), Map.entry("super-", INCREMENT),
            // expletives that intensify the word after them ("freaking awesome"), as in VADER's booster list
            Map.entry("fucking", INCREMENT), Map.entry("fuckin", INCREMENT), Map.entry("freaking", INCREMENT),
            Map.entry("freakin", INCREMENT), Map.entry("frickin", INCREMENT), Map.entry("fricking", INCREMENT),
            Map.entry("friggin", INCREMENT), Map.entry("frigging", INCREMENT), Map.entry("effing", INCREMENT),
            Map.entry("flippin", INCREMENT), Map.entry("flipping", INCREMENT), Map.entry("hella", INCREMENT),
            Map.entry("almost", DECREMENT), Map.entry("barely", DECREMENT), Map.entry("hardly", DECREMENT),
            Map.entry("kinda", DECREMENT), Map.entry("less", DECREMENT), Map.entry("little", DECREMENT),
            Map.entry("marginally", DECREMENT), Map.entry("occasionally", DECREMENT), Map.entry("partly", DECREMENT),
            Map.entry("scarcely", DECREMENT), Map.entry("slightly", DECREMENT), Map.entry("somewhat", DECREMENT),
            Map.entry("sorta", DECREMENT), Map.entry("fairly", DECREMENT), Map.entry("pretty", DECREMENT / 2),
            Map.entry("rather", DECREMENT / 2), Map.entry("mostly", DECREMENT / 2), Map.entry("reasonably", DECREMENT / 2));

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing",
            "neither", "nor", "nowhere", "cannot", "without", "zero", "ain't", "aint", "dont", "doesnt", "didnt", "isnt",
            "wasnt", "werent", "arent", "cant", "couldnt", "shouldnt", "wouldnt", "wont", "havent", "hasnt",
            "hadnt", "mustnt", "neednt", "darent", "nope", "rarely", "seldom", "hardly", "barely", "scarcely",
            "uh-uh", "nothin", "lack", "lacks", "lacking", "lacked");

    /**
     * The most frequent words of six languages that stores often get reviews in, leaving out every one that is also
     * an English word or English slang ("die", "war", "hat", "also", "con", "do", "no", "met", "van", "plus", "non",
     * "ma", "gut", "heel", "hay", "nada", "em", "yo", "ho").
     */
    private static final Set<String> FOREIGN_FUNCTION_WORDS = Set.of(
            // German
            "der", "das", "und", "ist", "nicht", "ich", "sie", "ein", "eine", "einen", "einem", "einer", "dem", "des",
            "mit", "sich", "auf", "für", "auch", "sehr", "aber", "wir", "zu", "noch", "nur", "wie", "bei", "oder",
            "wenn", "wurde", "sind", "kein", "keine", "schon", "danke", "ganz", "wirklich", "leider", "nach", "über",
            "von", "vom", "zum", "zur", "dass", "habe", "haben",
            // Spanish, Portuguese, French, Dutch
            "de", "en",
            // Spanish
            "el", "los", "las", "del", "que", "y", "un", "una", "unos", "unas", "por", "para", "es", "muy", "pero",
            "su", "lo", "se", "al", "más", "como", "está", "este", "esta", "fue", "también", "bueno",
            "gracias", "porque", "cuando", "sobre", "tiene", "todo", "la", "producto",
            // Portuguese
            "um", "uma", "não", "muito", "você", "mas", "com", "os", "dos", "é", "são", "foi", "pelo", "pela",
            "obrigado", "nem", "isso", "esse", "essa", "ela", "eu", "seu", "sua", "produto",
            // French
            "le", "les", "une", "du", "et", "est", "pas", "qui", "je", "il", "elle", "nous", "vous", "ils", "ce",
            "cette", "dans", "pour", "avec", "sur", "mais", "très", "c'est", "j'ai", "au", "aux", "ne", "n'est",
            "sont", "été", "merci", "tout", "bien", "trop", "mon", "ses", "produit",
            // Italian
            "gli", "della", "di", "che", "è", "molto", "sono", "questo", "questa", "anche", "grazie", "perché",
            "hanno", "nel", "nella", "alla", "dei", "delle", "ottimo", "prodotto",
            // Dutch
            "het", "een", "ik", "niet", "zijn", "voor", "maar", "ook", "heb", "nog", "geen", "erg", "goed",
            "mijn", "deze", "wordt");

    private static final Set<String> PERSONAL = Set.of("i", "me", "my", "mine", "myself", "we", "us", "our", "you",
            "your", "yours", "i'm", "i've", "i'd", "i'll", "we're", "you're", "im", "ive");

    /** Frequent English words that carry no sentiment: a text without any is unlikely to be English. */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "and", "or", "but", "if", "of", "to",
            "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being",
            "am", "do", "does", "did", "have", "has", "had", "it", "its", "it's", "this", "that", "these", "those",
            "i", "you", "he", "she", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "our",
            "their", "not", "no", "so", "very", "too", "can", "could", "will", "would", "should", "may", "might",
            "must", "there", "here", "what", "which", "who", "when", "where", "why", "how", "all", "some", "any",
            "more", "most", "than", "then", "just", "only", "also", "about", "after", "before", "up", "down", "out",
            "over", "into", "again", "because", "while", "one", "two", "get", "got", "like", "good", "great", "bad",
            "n't", "'s", "really", "even", "much", "well", "still", "now", "time", "product", "buy",
            "bought", "use", "used", "work", "works", "love", "ok", "okay", "thanks", "nice", "best", "worst",
            "every", "each", "both", "other", "another", "many", "few", "such", "same", "own", "else", "rather",
            "enough", "except", "always", "never", "ever", "away", "far", "off", "under", "through", "between",
            "during", "without", "within", "against", "among", "until", "since", "though", "although", "whether",
            "nor", "yet", "either", "neither", "cannot", "can't", "don't", "didn't", "doesn't", "isn't", "wasn't",
            "won't", "i'd", "i'll", "you're", "we're", "they're", "said", "says", "make", "makes", "made", "goes",
            "went", "gets", "beyond", "anything", "nothing", "something", "everything", "someone",
            "everyone", "nobody");

    /** Emoji by code point, on VADER's scale; ours, from the emoji's conventional use in reviews. */
    private static final Map<Integer, Double> EMOJI = Map.ofEntries(
            Map.entry(0x1F600, 2.2), Map.entry(0x1F601, 2.2), Map.entry(0x1F602, 1.5), Map.entry(0x1F603, 2.2),
            Map.entry(0x1F604, 2.3), Map.entry(0x1F605, 1.0), Map.entry(0x1F606, 2.0), Map.entry(0x1F609, 1.5),
            Map.entry(0x1F60A, 2.3), Map.entry(0x1F60B, 2.0), Map.entry(0x1F60D, 3.0), Map.entry(0x1F60E, 1.8),
            Map.entry(0x1F618, 2.5), Map.entry(0x1F642, 1.5), Map.entry(0x1F643, 0.3), Map.entry(0x1F917, 2.0),
            Map.entry(0x1F929, 3.0), Map.entry(0x1F970, 3.0), Map.entry(0x1F973, 2.5), Map.entry(0x1F44D, 2.0),
            Map.entry(0x1F44F, 2.0), Map.entry(0x1F64C, 2.2), Map.entry(0x1F4AF, 2.5), Map.entry(0x1F525, 1.5),
            Map.entry(0x2764, 3.0), Map.entry(0x1F496, 3.0), Map.entry(0x1F495, 2.8), Map.entry(0x1F499, 2.5),
            Map.entry(0x1F49A, 2.5), Map.entry(0x1F49C, 2.5), Map.entry(0x1F9E1, 2.5), Map.entry(0x2B50, 1.8),
            Map.entry(0x1F31F, 2.0), Map.entry(0x2728, 1.5), Map.entry(0x1F389, 2.3), Map.entry(0x1F38A, 2.0),
            Map.entry(0x2705, 1.5), Map.entry(0x1F44C, 2.0), Map.entry(0x263A, 2.0), Map.entry(0x1F60C, 1.5),
            Map.entry(0x1F610, -0.3), Map.entry(0x1F611, -0.5), Map.entry(0x1F612, -1.8), Map.entry(0x1F613, -1.2),
            Map.entry(0x1F614, -1.8), Map.entry(0x1F615, -1.3), Map.entry(0x1F61E, -2.0), Map.entry(0x1F61F, -1.8),
            Map.entry(0x1F620, -2.8), Map.entry(0x1F621, -3.2), Map.entry(0x1F622, -2.2), Map.entry(0x1F623, -2.0),
            Map.entry(0x1F624, -2.3), Map.entry(0x1F625, -1.8), Map.entry(0x1F626, -1.5), Map.entry(0x1F627, -1.8),
            Map.entry(0x1F628, -2.0), Map.entry(0x1F629, -2.2), Map.entry(0x1F62B, -2.2), Map.entry(0x1F62D, -2.5),
            Map.entry(0x1F630, -2.0), Map.entry(0x1F631, -2.3), Map.entry(0x1F633, -0.8), Map.entry(0x1F635, -1.8),
            Map.entry(0x1F641, -1.8), Map.entry(0x2639, -2.0), Map.entry(0x1F644, -1.5), Map.entry(0x1F92C, -3.2),
            Map.entry(0x1F922, -2.5), Map.entry(0x1F92E, -2.8), Map.entry(0x1F44E, -2.0), Map.entry(0x1F494, -2.8),
            Map.entry(0x1F4A9, -2.5), Map.entry(0x274C, -1.8), Map.entry(0x1F6AB, -1.5), Map.entry(0x1F480, -1.0));
}
