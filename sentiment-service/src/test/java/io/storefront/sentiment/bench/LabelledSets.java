package io.storefront.sentiment.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The labelled sentence sets of {@code ../shared/data/sentiment} (see its README for sources and formats). */
public final class LabelledSets {

    /** A sentence, its label, and for the human-rated snippets the mean rating in [-4, 4]. */
    public record Example(String text, boolean positive, double rating) {
    }

    private LabelledSets() {
    }

    /** UCI sentences: {@code text<TAB>0|1}. */
    public static List<Example> uci(Path file) {
        List<Example> examples = new ArrayList<>();
        for (String line : lines(file)) {
            int tab = line.lastIndexOf('\t');
            if (tab < 0) continue;
            boolean positive = line.substring(tab + 1).strip().equals("1");
            examples.add(new Example(line.substring(0, tab).strip(), positive, positive ? 1 : -1));
        }
        return examples;
    }

    /** VADER's human-rated snippets: {@code id<TAB>mean rating<TAB>text}; rating 0 is neither side and left out. */
    public static List<Example> rated(Path file, boolean keepNeutral) {
        List<Example> examples = new ArrayList<>();
        for (String line : lines(file)) {
            String[] f = line.split("\t", 3);
            if (f.length < 3) continue;
            double rating = Double.parseDouble(f[1].strip());
            if (rating == 0 && !keepNeutral) continue;
            examples.add(new Example(f[2].strip(), rating > 0, rating));
        }
        return examples;
    }

    /** Pang &amp; Lee / SST style: {@code 0|1 text}. For subj.all, 0 means subjective. */
    public static List<Example> prefixed(Path file) {
        List<Example> examples = new ArrayList<>();
        for (String line : lines(file)) {
            if (line.length() < 3) continue;
            boolean one = line.charAt(0) == '1';
            examples.add(new Example(line.substring(2).strip(), one, one ? 1 : -1));
        }
        return examples;
    }

    private static List<String> lines(Path file) {
        try {
            // latin-1 keeps every byte of the older sets' stray non-UTF-8 characters as one character
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.lines().toList();
        } catch (java.nio.charset.CharacterCodingException e) {
            try {
                return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
