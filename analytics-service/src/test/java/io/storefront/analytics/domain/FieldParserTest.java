package io.storefront.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FieldParserTest {

    @Test
    void seedDatesAreDayFirst() {
        // the original application read 10-03-2018 as 3 October; it is 10 March
        assertEquals(LocalDate.of(2018, 3, 10), FieldParser.dayFirstDate("10-03-2018"));
        assertEquals(LocalDate.of(2018, 12, 27), FieldParser.dayFirstDate("27/12/2018"));
        assertTrue(assertThrows(FieldParser.InvalidField.class, () -> FieldParser.dayFirstDate("31-02-2018"))
                .getMessage().contains("not a real date"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.dayFirstDate("2018-03-10"));
    }

    @Test
    void isoDatesKeepTheDateOfADateTime() {
        assertEquals(LocalDate.of(2024, 2, 29), FieldParser.isoDate("2024-02-29"));
        assertEquals(LocalDate.of(2011, 12, 9), FieldParser.isoDate("2011-12-09 12:50:00"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.isoDate("2023-02-29"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.isoDate("10-03-2018"));
        // the database reads neither (an import of either failed whole before the check)
        assertTrue(assertThrows(FieldParser.InvalidField.class, () -> FieldParser.isoDate("0000-01-05")).getMessage()
                .contains("years 1 to 9999"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.isoDate("+10000-01-05"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.dayFirstDate("05-01-0000"));
        assertEquals(LocalDate.of(1, 1, 1), FieldParser.isoDate("0001-01-01"));
    }

    @Test
    void moneyBecomesExactCents() {
        assertEquals(123_450, FieldParser.cents("1234.5"));
        assertEquals(-1205, FieldParser.cents("-12.05"));
        assertEquals(-50, FieldParser.cents("-0.5"));
        assertEquals(109_600, FieldParser.cents(" 1096 "));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.cents("1,234.50"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.cents("12.345"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.cents("abc"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.nonNegativeCents("-1"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.cents(""));
    }

    @Test
    void quantitiesArePositiveWholeNumbers() {
        assertEquals(7, FieldParser.quantity("7"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.quantity("0"));
        assertThrows(FieldParser.InvalidField.class, () -> FieldParser.quantity("2.5"));
    }
}
