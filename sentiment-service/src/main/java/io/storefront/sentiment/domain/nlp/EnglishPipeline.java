package io.storefront.sentiment.domain.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * OpenNLP sentence detection, tokenization, POS tagging and lemmatization with the English UD-EWT
 * models (jar resources of {@code opennlp-models-*-en}). Models load once and are shared; the
 * {@code *ME} tools are not thread-safe, so each thread gets its own.
 *
 * <p>Two choices for speed, both measured on SST-2 sentences: the tagger decodes greedily (beam 1
 * instead of the model's 3) — 2.5 times faster and the same tag for every one of 138,185 tokens —
 * and lemmas are looked up per (word, tag) in a bounded cache, lemmatizing a word on its own the
 * first time it is seen (the statistical lemmatizer costs more than everything else together).
 */
public final class EnglishPipeline {

    public static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    public static final String TOKEN_MODEL = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    public static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    public static final String LEMMA_MODEL = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

    /** The type of a span joined from several: one whole sign. */
    private static final String SIGN = "sign";
    private static final String CLOSING_MARKS = ".,!?";

    /** Lemmas remembered at most; past that, new words are lemmatized each time. */
    private static final int LEMMA_CACHE_SIZE = 200_000;

    private final ThreadLocal<Tools> tools;
    private final Map<String, String> lemmas = new ConcurrentHashMap<>();
    /** Signs the tokenizer cuts up that are one token when written between spaces: "<3" is not "<" and "3". */
    private final Set<String> wholeSigns;

    private EnglishPipeline(SentenceModel sentences, TokenizerModel tokens, POSModel pos, LemmatizerModel lemma,
                            Set<String> wholeSigns) {
        this.wholeSigns = Set.copyOf(wholeSigns);
        this.tools = ThreadLocal.withInitial(() -> new Tools(new SentenceDetectorME(sentences),
                new TokenizerME(tokens), new POSTaggerME(pos), new LemmatizerME(lemma)));
    }

    /**
     * Loads the four models from the class path (about 1.5 s). {@code wholeSigns}, lower-cased, are kept as one token
     * (tagged {@code SYM}) where a text has one between spaces: the emoticons of a lexicon.
     */
    public static EnglishPipeline load(Set<String> wholeSigns) {
        POSModel beamSearch = read(POS_MODEL, POSModel::new);
        MaxentModel tagger = beamSearch.getArtifact("pos.model");
        POSModel greedy = new POSModel("en", tagger, 1, Map.of(), beamSearch.getFactory());
        return new EnglishPipeline(read(SENTENCE_MODEL, SentenceModel::new), read(TOKEN_MODEL, TokenizerModel::new),
                greedy, read(LEMMA_MODEL, LemmatizerModel::new), wholeSigns);
    }

    /** The sentences of a text, each tokenized, tagged and lemmatized. */
    public List<Sentence> analyze(String text) {
        Tools t = tools.get();
        List<Sentence> sentences = new ArrayList<>();
        for (Span span : t.sentences.sentPosDetect(text)) {
            String sentence = text.substring(span.getStart(), span.getEnd());
            sentences.add(analyzeSentence(t, sentence, span.getStart()));
        }
        return sentences;
    }

    /** One sentence as it is, without sentence detection (for data sets of single sentences). */
    public Sentence analyzeSentence(String sentence) {
        return analyzeSentence(tools.get(), sentence, 0);
    }

    private Sentence analyzeSentence(Tools t, String sentence, int offset) {
        Span[] spans = joinWholeSigns(t.tokenizer.tokenizePos(sentence), sentence);
        String[] words = Span.spansToStrings(spans, sentence);
        String[] tags = words.length == 0 ? new String[0] : t.tagger.tag(words);
        if (capitalisedCompound(words, tags)) {
            // "Battery/ADJ life", "Sound/PROPN quality": the capital of the sentence's first word misleads the tagger
            String[] lowered = words.clone();
            lowered[0] = words[0].toLowerCase(Locale.ROOT);
            tags = t.tagger.tag(lowered);
        }
        for (int i = 0; i < spans.length; i++) {
            if (SIGN.equals(spans[i].getType())) tags[i] = "SYM";
        }
        List<Token> tokens = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            String lower = words[i].toLowerCase(Locale.ROOT);
            tokens.add(new Token(words[i], lower, tags[i], lemma(t, words[i], lower, tags[i]),
                    offset + spans[i].getStart(), offset + spans[i].getEnd()));
        }
        return new Sentence(offset, offset + sentence.length(), sentence, List.copyOf(tokens));
    }

    /** A sentence that starts with a capitalised word tagged as an adjective or a name before a noun. */
    private static boolean capitalisedCompound(String[] words, String[] tags) {
        if (words.length < 2 || !tags[1].equals("NOUN") || !(tags[0].equals("ADJ") || tags[0].equals("PROPN"))) return false;
        String first = words[0];
        if (first.length() < 2 || !Character.isUpperCase(first.charAt(0))) return false;
        for (int i = 1; i < first.length(); i++) if (!Character.isLowerCase(first.charAt(i))) return false;
        return true;
    }

    /**
     * Spans that together make a whole sign between spaces (or before the sentence's closing punctuation: "love it
     * <3!") joined into one, typed {@link #SIGN}.
     */
    private Span[] joinWholeSigns(Span[] spans, String sentence) {
        List<Span> joined = null;
        for (int i = 0; i < spans.length; i++) {
            int start = spans[i].getStart();
            int last = i;
            // signs start with neither a letter nor a digit: a word costs one test
            if (!Character.isLetterOrDigit(sentence.charAt(start))
                    && (start == 0 || Character.isWhitespace(sentence.charAt(start - 1)))) {
                int chunkEnd = start;
                while (chunkEnd < sentence.length() && !Character.isWhitespace(sentence.charAt(chunkEnd))) chunkEnd++;
                int signEnd = wholeSignEnd(sentence, start, chunkEnd);
                if (signEnd > 0) {
                    while (last + 1 < spans.length && spans[last + 1].getEnd() <= signEnd) last++;
                    if (spans[last].getEnd() != signEnd) last = i; // the sign ends inside a token: leave it be
                }
            }
            if (last > i) {
                if (joined == null) joined = new ArrayList<>(List.of(spans).subList(0, i));
                joined.add(new Span(start, spans[last].getEnd(), SIGN));
                i = last;
            } else if (joined != null) {
                joined.add(spans[i]);
            }
        }
        return joined == null ? spans : joined.toArray(Span[]::new);
    }

    /** Where the whole sign starting a chunk ends, or -1 when the chunk is none (with or without closing marks). */
    private int wholeSignEnd(String sentence, int start, int chunkEnd) {
        if (wholeSigns.isEmpty() || chunkEnd - start < 2) return -1;
        if (wholeSigns.contains(sentence.substring(start, chunkEnd).toLowerCase(Locale.ROOT))) return chunkEnd;
        int end = chunkEnd;
        while (end > start && CLOSING_MARKS.indexOf(sentence.charAt(end - 1)) >= 0) end--;
        if (end == chunkEnd || end - start < 2) return -1;
        return wholeSigns.contains(sentence.substring(start, end).toLowerCase(Locale.ROOT)) ? end : -1;
    }

    private String lemma(Tools t, String word, String lower, String tag) {
        if (!tag.equals("NOUN") && !tag.equals("VERB") && !tag.equals("ADJ") && !tag.equals("ADV")
                && !tag.equals("AUX")) {
            return lower;
        }
        String key = tag + ' ' + lower;
        String known = lemmas.get(key);
        if (known != null) return known;
        String lemma = t.lemmatizer.lemmatize(new String[] {word}, new String[] {tag})[0].toLowerCase(Locale.ROOT);
        if (lemma.isEmpty() || lemma.equals("o")) lemma = lower; // the model's "no lemma" answers
        if (lemmas.size() < LEMMA_CACHE_SIZE) lemmas.put(key, lemma);
        return lemma;
    }

    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M read(String resource, ModelReader<M> reader) {
        try (InputStream in = EnglishPipeline.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path");
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OpenNLP model " + resource, e);
        }
    }

    private record Tools(SentenceDetectorME sentences, TokenizerME tokenizer, POSTaggerME tagger,
                         LemmatizerME lemmatizer) {
    }
}
