package io.storefront.analytics.domain;

import io.storefront.commons.problem.StoredText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Parses the typed fields of import rows; each method throws {@link InvalidField} with a human reason. */
public final class FieldParser {

    private static final Pattern MONEY = Pattern.compile("-?\\d{1,13}(\\.\\d{1,2})?");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);

    /** What a source puts in a field whose input was no value at all (a JSON object or array). */
    public static final String NOT_A_VALUE = "\u0000not a value";

    private FieldParser() {
    }

    public static String required(String value) {
        String trimmed = checked(value);
        if (trimmed.isEmpty()) throw new InvalidField("is required");
        return trimmed;
    }

    public static String optional(String value) {
        String trimmed = checked(value);
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** PostgreSQL text cannot hold a NUL character: such a row is rejected here rather than failing the import. */
    private static String checked(String value) {
        String trimmed = value == null ? "" : value.strip();
        String unstorable = StoredText.problem(trimmed);
        if (unstorable != null) {
            throw new InvalidField(trimmed.equals(NOT_A_VALUE) ? "is an object or array, not a value" : unstorable);
        }
        if (trimmed.length() > 200) throw new InvalidField("is longer than 200 characters");
        return trimmed;
    }

    /** "1234", "1234.5", "-12.05" → cents. Thousands separators are refused: in CSV they are ambiguous. */
    public static long cents(String value) {
        String v = required(value);
        if (!MONEY.matcher(v).matches()) {
            throw new InvalidField("'" + abbreviate(v) + "' is not an amount (digits with at most two decimals, e.g. 1234.50)");
        }
        int dot = v.indexOf('.');
        if (dot < 0) return Math.multiplyExact(Long.parseLong(v), 100);
        String whole = v.substring(0, dot);
        String fraction = (v.substring(dot + 1) + "0").substring(0, 2);
        long magnitude = Math.abs(Long.parseLong(whole.isEmpty() || whole.equals("-") ? "0" : whole)) * 100
                + Long.parseLong(fraction);
        return v.startsWith("-") ? -magnitude : magnitude;
    }

    public static long nonNegativeCents(String value) {
        long cents = cents(value);
        if (cents < 0) throw new InvalidField("must not be negative");
        return cents;
    }

    public static int quantity(String value) {
        String v = required(value);
        int q;
        try {
            q = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidField("'" + abbreviate(v) + "' is not a whole number");
        }
        if (q < 1 || q > 1_000_000) throw new InvalidField("must be between 1 and 1000000");
        return q;
    }

    /** Day-first as in the original application's files: 10-03-2018 is 10 March 2018. */
    public static LocalDate dayFirstDate(String value) {
        String v = required(value);
        var m = DAY_FIRST.matcher(v);
        if (!m.matches()) throw new InvalidField("'" + abbreviate(v) + "' is not a day-first date (dd-mm-yyyy)");
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            throw new InvalidField("'" + v + "' is not a real date (dd-mm-yyyy)");
        }
        return inStoredRange(date, v);
    }

    /** ISO dates; a date-time keeps its date ("2024-03-10T14:22:00" → 2024-03-10). */
    public static LocalDate isoDate(String value) {
        String v = required(value);
        String date = v.length() > 10 && (v.charAt(10) == 'T' || v.charAt(10) == ' ') ? v.substring(0, 10) : v;
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(date, ISO);
        } catch (DateTimeException e) {
            throw new InvalidField("'" + abbreviate(v) + "' is not an ISO date (yyyy-mm-dd)");
        }
        return inStoredRange(parsed, v);
    }

    /** Years 1 to 9999: PostgreSQL reads no year 0 and no year of five digits, and no store sells in either. */
    private static LocalDate inStoredRange(LocalDate date, String raw) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new InvalidField("'" + abbreviate(raw) + "' is outside the years 1 to 9999");
        }
        return date;
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    /** A field value that cannot be used; the message completes "column X ...". */
    public static final class InvalidField extends RuntimeException {
        public InvalidField(String message) {
            super(message, null, false, false);
        }
    }
}
