package io.storefront.sentiment.domain;

import io.storefront.commons.csv.CsvReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reviews from a CSV file with a header row. Columns are found by name, with the aliases common
 * exports use (review_id / id, product_id / asin / sku, stars / score / rate, summary, review_text / body /
 * review, date / review_date …); {@code review_id}, {@code product_id} and {@code text} are required.
 */
public final class ReviewCsv implements AutoCloseable {

    /** Each field and the header names it is known by, compared lower-cased without spaces, dashes or underscores. */
    static final Map<String, List<String>> ALIASES = Map.of(
            "reviewId", List.of("reviewid", "id"),
            "productId", List.of("productid", "product", "asin", "sku", "itemid"),
            "customerId", List.of("customerid", "customer", "userid", "user", "reviewerid"),
            "rating", List.of("rating", "stars", "score", "overall", "rate", "ratings", "starrating", "reviewrating"),
            "title", List.of("title", "summary", "headline", "reviewtitle", "reviewsummary", "reviewheading"),
            "text", List.of("text", "reviewtext", "body", "reviewbody", "content", "comment", "reviewcontent", "review"),
            "createdAt", List.of("createdat", "date", "reviewdate", "time", "timestamp", "created"));

    static final List<String> REQUIRED = List.of("reviewId", "productId", "text");

    private static final Pattern OUT_OF_FIVE =
            Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(?:out of 5(?: stars?)?|/\\s*5|stars?)\\s*", Pattern.CASE_INSENSITIVE);

    /** A row: the review, or why it cannot be one (a rating that is not a number). */
    public record Row(long line, ReviewInput review, String field, String problem) {
    }

    private static final List<String> FIELDS = List.of("reviewId", "productId", "customerId", "rating", "title", "text",
            "createdAt");

    private final CsvReader csv;
    private final int[] column = new int[FIELDS.size()];
    private final int width;

    /** Reads the header; throws {@link MissingColumns} when a required column is absent. */
    public ReviewCsv(Reader reader) {
        this.csv = new CsvReader(reader);
        String[] header = csv.next();
        if (header == null) throw new MissingColumns("the file is empty; a header row is needed: " + String.join(",", FIELDS));
        this.width = header.length;
        List<String> missing = new ArrayList<>();
        for (int f = 0; f < FIELDS.size(); f++) {
            column[f] = find(header, ALIASES.get(FIELDS.get(f)));
            if (column[f] < 0 && REQUIRED.contains(FIELDS.get(f))) missing.add(FIELDS.get(f));
        }
        if (!missing.isEmpty()) {
            throw new MissingColumns("no column for " + String.join(", ", missing) + " in the header " + List.of(header)
                    + "; accepted names: " + ALIASES);
        }
    }

    /** The next row, or null at the end; a broken quote throws {@link CsvReader.CsvFormatException}. */
    public Row next() {
        String[] record = csv.next();
        if (record == null) return null;
        long line = csv.recordLine();
        String shifted = CsvReader.valuesPastHeader(width, record);
        if (shifted != null) return new Row(line, null, null, shifted);
        String ratingText = value(record, 3);
        Integer rating = null;
        if (ratingText != null && !ratingText.isBlank()) {
            try {
                double stars = Double.parseDouble(starsOf(ratingText));
                if (stars != Math.rint(stars)) return new Row(line, null, "rating", "'" + ratingText + "' is not whole stars");
                rating = (int) stars;
            } catch (NumberFormatException e) {
                return new Row(line, null, "rating", "'" + ratingText + "' is not a number of stars");
            }
        }
        return new Row(line, new ReviewInput(value(record, 0), value(record, 1), value(record, 2), rating, value(record, 4),
                value(record, 5), value(record, 6)), null, null);
    }

    /** "4", "4.0", and as scraped exports write it "4.0 out of 5 stars", "4/5", "4 stars": the number of stars. */
    static String starsOf(String rating) {
        Matcher m = OUT_OF_FIVE.matcher(rating);
        return m.matches() ? m.group(1) : rating.strip();
    }

    private String value(String[] record, int field) {
        int c = column[field];
        return c < 0 || c >= record.length ? null : record[c];
    }

    /** The first column whose name is one of {@code names}, in the order of preference; -1 if none. */
    private static int find(String[] header, List<String> names) {
        for (String name : names) {
            for (int c = 0; c < header.length; c++) if (normal(header[c]).equals(name)) return c;
        }
        return -1;
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    @Override
    public void close() throws Exception {
        csv.close();
    }

    /** The header lacks a column the import needs: the file cannot be read at all. */
    public static final class MissingColumns extends RuntimeException {
        public MissingColumns(String message) {
            super(message, null, false, false);
        }
    }
}
