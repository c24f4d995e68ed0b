package io.storefront.analytics.domain;

import io.storefront.commons.csv.CsvReader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsLineBreaksAndRemembersStartLines() {
        CsvReader csv = new CsvReader(new StringReader("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\n\nlast,\n"));
        assertArrayEquals(new String[] {"a", "b"}, csv.next());
        assertEquals(1, csv.recordLine());
        assertArrayEquals(new String[] {"x, y", "say \"hi\""}, csv.next());
        assertEquals(2, csv.recordLine());
        assertArrayEquals(new String[] {"two\nlines", "z"}, csv.next());
        assertEquals(3, csv.recordLine());
        assertArrayEquals(new String[] {"last", ""}, csv.next());
        assertEquals(6, csv.recordLine(), "the blank line 5 is skipped but counted");
        assertNull(csv.next());
    }

    @Test
    void lastLineWithoutLineBreakIsARecord() {
        CsvReader csv = new CsvReader(new StringReader("h\nv"));
        csv.next();
        assertArrayEquals(new String[] {"v"}, csv.next());
        assertNull(csv.next());
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereItStarts() {
        CsvReader csv = new CsvReader(new StringReader("h1,h2\nok,1\n\"broken,2\nmore\n"));
        csv.next();
        csv.next();
        CsvReader.CsvFormatException e = assertThrows(CsvReader.CsvFormatException.class, csv::next);
        assertEquals(3, e.line());
    }

    @Test
    void recordsReadBackWhateverHowTheInputArrives() {
        Random random = new Random(3);
        String[] pieces = {"plain", "", "with space", "a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "ab\"c", "é ü 中"};
        List<String[]> records = new ArrayList<>();
        StringBuilder file = new StringBuilder();
        for (int r = 0; r < 6_000; r++) {
            String[] record = new String[1 + random.nextInt(6)];
            for (int f = 0; f < record.length; f++) {
                record[f] = pieces[random.nextInt(pieces.length)] + (random.nextBoolean() ? r : "");
                if (f > 0) file.append(',');
                boolean quote = record[f].matches("(?s).*[,\"\r\n].*") && !record[f].startsWith("ab\"")
                        || random.nextInt(5) == 0 || record.length == 1 && record[f].isEmpty(); // else a blank line
                file.append(quote ? '"' + record[f].replace("\"", "\"\"") + '"' : record[f]);
            }
            file.append(random.nextBoolean() ? "\r\n" : "\n");
            records.add(record);
        }
        // the whole file at once (fields cross the reader's 64k buffer now and then), and a few characters at a time
        for (Reader in : List.of(new StringReader(file.toString()), trickle(file.toString(), 7))) {
            CsvReader csv = new CsvReader(in);
            for (String[] expected : records) {
                assertArrayEquals(expected, csv.next());
            }
            assertNull(csv.next());
        }
    }

    private static Reader trickle(String text, int most) {
        return new Reader() {
            private final StringReader in = new StringReader(text);

            @Override
            public int read(char[] buffer, int offset, int length) throws java.io.IOException {
                return in.read(buffer, offset, Math.min(length, most));
            }

            @Override
            public void close() {
            }
        };
    }
}
