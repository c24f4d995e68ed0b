package io.storefront.commons.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside
 * quotes, CRLF or LF, a leading byte-order mark. It remembers the line each record starts on, so
 * errors can name it. Not thread-safe.
 */
public final class CsvReader implements AutoCloseable {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private boolean started;
    private final StringBuilder field = new StringBuilder(64);

    public CsvReader(Reader in) {
        this.in = in;
    }

    /**
     * Why a record cannot be read by the header's columns: it has values past them, as when a comma in an unquoted value
     * shifts every field after it; null when it has none (empty trailing fields, as some exports write, are fine).
     */
    public static String valuesPastHeader(int columns, String[] record) {
        for (int c = columns; c < record.length; c++) {
            if (record[c] != null && !record[c].isBlank()) {
                return "has " + record.length + " values for the header's " + columns
                        + " columns (a comma in a value that is not in quotes?)";
            }
        }
        return null;
    }

    /** The next record's fields, or null at the end of input. Blank lines are skipped. */
    public String[] next() {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') position++;
        }
        while (true) {
            int c = peek();
            if (c == -1) return null;
            if (c == '\r' || c == '\n') {
                consumeLineBreak();
                continue;
            }
            break;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>(16);
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (!quoted && !wasQuoted && field.isEmpty()) {
                // most fields are plain and lie within the buffer: made into a string in one copy
                int end = position;
                while (end < limit) {
                    char ch = buffer[end];
                    if (ch == ',' || ch == '\n' || ch == '\r' || ch == '"') break;
                    end++;
                }
                if (end < limit && buffer[end] != '"') {
                    String value = new String(buffer, position, end - position);
                    position = end + 1;
                    fields.add(value);
                    char delimiter = buffer[end];
                    if (delimiter == ',') continue;
                    if (delimiter == '\r' && peek() == '\n') position++;
                    line++;
                    return fields.toArray(String[]::new);
                }
            }
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException(recordLine, "a quoted field is never closed");
                } else if (c == '"') {
                    if (peek() == '"') {
                        position++;
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    else if (c == '\r' && peek() != '\n') line++;
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    if (peek() == '\n') position++;
                }
                if (c != -1) line++;
                fields.add(field.toString());
                return fields.toArray(String[]::new);
            } else {
                field.append((char) c);
            }
        }
    }

    /** The 1-based line on which the last record returned by {@link #next()} starts. */
    public long recordLine() {
        return recordLine;
    }

    private void consumeLineBreak() {
        int c = read();
        if (c == '\r' && peek() == '\n') position++;
        line++;
    }

    private int peek() {
        if (position >= limit && !fill()) return -1;
        return buffer[position];
    }

    private int read() {
        if (position >= limit && !fill()) return -1;
        return buffer[position++];
    }

    private boolean fill() {
        try {
            limit = in.read(buffer);
            position = 0;
            return limit > 0;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CsvFormatException(line, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The file is not CSV at this line (for instance a quote that never closes). */
    public static final class CsvFormatException extends RuntimeException {
        private final long line;

        public CsvFormatException(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
