package io.storefront.analytics.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A JSON batch: an array of order-line objects with the flat CSV's field names (or their aliases,
 * e.g. {@code orderId}, {@code "Order Date"}), read as a stream. Values may be strings or numbers.
 * A row error's "line" is the item's position in the array (1-based).
 */
public final class JsonLinesSource implements OrderLineSource {

    private static final JsonFactory JSON = new JsonFactory();

    private final FlatCsvSource rows;

    public JsonLinesSource(String name, Reader reader) {
        String[] header = FlatCsvSource.FIELDS.keySet().toArray(String[]::new);
        this.rows = new FlatCsvSource(name, new Items(name, reader, header), header, java.util.Map.of());
    }

    @Override
    public List<OrderLine> nextBatch(int max) {
        return rows.nextBatch(max);
    }

    @Override
    public ImportTally tally() {
        return rows.tally();
    }

    @Override
    public void close() {
        rows.close();
    }

    /** The array's objects as records in the order of {@code header}, each key matched like a CSV header name. */
    private static final class Items implements FlatCsvSource.Records {
        private final String name;
        private final JsonParser parser;
        private final java.util.Map<String, Integer> columnOf = new java.util.HashMap<>();
        private final int width;
        private long position;

        Items(String name, Reader reader, String[] header) {
            this.name = name;
            this.width = header.length;
            for (int i = 0; i < header.length; i++) {
                columnOf.put(Columns.normal(header[i]), i);
                for (String alias : FlatCsvSource.FIELDS.get(header[i])) columnOf.putIfAbsent(alias, i);
            }
            try {
                this.parser = JSON.createParser(reader);
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw rejected("the body must be a JSON array of order lines");
                }
            } catch (IOException e) {
                throw rejected("the body is not valid JSON: " + e.getMessage());
            }
        }

        @Override
        public String[] next() {
            try {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY || token == null) return null;
                position++;
                if (token != JsonToken.START_OBJECT) {
                    throw rejected("item " + position + " is not an object");
                }
                String[] row = new String[width];
                java.util.Arrays.fill(row, "");
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    Integer column = columnOf.get(Columns.normal(parser.currentName()));
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        if (column != null) row[column] = FieldParser.NOT_A_VALUE;
                    } else if (column != null && value != JsonToken.VALUE_NULL) {
                        row[column] = parser.getText();
                    }
                }
                return row;
            } catch (IOException e) {
                throw rejected("the body is not valid JSON after item " + position + ": "
                        + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
            }
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }

        private ImportRejected rejected(String message) {
            return new ImportRejected(List.of(new RowError(name, Math.max(1, position), null, message)));
        }
    }
}
