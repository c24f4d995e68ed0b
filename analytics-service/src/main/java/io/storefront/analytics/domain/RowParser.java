package io.storefront.analytics.domain;

import io.storefront.commons.csv.CsvReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects the errors of one row while its fields are parsed, so one row reports all its bad columns. */
final class RowParser {

    private final Columns columns;
    private final String[] row;
    private final long line;
    private final List<RowError> errors = new ArrayList<>(2);

    RowParser(Columns columns, String[] row, long line) {
        this.columns = columns;
        this.row = row;
        this.line = line;
        String shifted = CsvReader.valuesPastHeader(columns.width(), row);
        if (shifted != null) errors.add(new RowError(columns.file(), line, null, shifted));
    }

    <T> T field(String field, Function<String, T> parse) {
        try {
            return parse.apply(columns.value(row, field));
        } catch (FieldParser.InvalidField e) {
            errors.add(new RowError(columns.file(), line, columns.nameInFile(field), e.getMessage()));
            return null;
        }
    }

    void error(String column, String message) {
        errors.add(new RowError(columns.file(), line, column, message));
    }

    boolean ok() { return errors.isEmpty(); }
    List<RowError> errors() { return errors; }
}
