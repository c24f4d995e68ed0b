package io.storefront.sentiment.domain.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Lemmas remembered at most; past that, new words are lemmatized each time. */
    private static final int LEMMA_CACHE_SIZE = 200_000;

    private final ThreadLocal<Tools> tools;
    private final Map<String, String> lemmas = new ConcurrentHashMap<>();

    private EnglishPipeline(SentenceModel sentences, TokenizerModel tokens, POSModel pos, LemmatizerModel lemma) {
        this.tools = ThreadLocal.withInitial(() -> new Tools(new SentenceDetectorME(sentences),
                new TokenizerME(tokens), new POSTaggerME(pos), new LemmatizerME(lemma)));
    }

    /** Loads the four models from the class path (about 1.5 s). */
    public static EnglishPipeline load() {
        POSModel beamSearch = read(POS_MODEL, POSModel::new);
        MaxentModel tagger = beamSearch.getArtifact("pos.model");
        POSModel greedy = new POSModel("en", tagger, 1, Map.of(), beamSearch.getFactory());
        return new EnglishPipeline(read(SENTENCE_MODEL, SentenceModel::new), read(TOKEN_MODEL, TokenizerModel::new),
                greedy, read(LEMMA_MODEL, LemmatizerModel::new));
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
        Span[] spans = t.tokenizer.tokenizePos(sentence);
        String[] words = Span.spansToStrings(spans, sentence);
        String[] tags = words.length == 0 ? new String[0] : t.tagger.tag(words);
        List<Token> tokens = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            String lower = words[i].toLowerCase(Locale.ROOT);
            tokens.add(new Token(words[i], lower, tags[i], lemma(t, words[i], lower, tags[i]),
                    offset + spans[i].getStart(), offset + spans[i].getEnd()));
        }
        return new Sentence(offset, offset + sentence.length(), sentence, List.copyOf(tokens));
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
