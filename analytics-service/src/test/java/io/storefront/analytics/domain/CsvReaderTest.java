package io.storefront.analytics.domain;

import io.storefront.commons.csv.CsvReader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
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
}
