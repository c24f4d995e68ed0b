package io.storefront.analytics.domain;

import io.storefront.commons.csv.CsvReader;
import java.util.List;

/** The whole upload is unusable (no header, a required column missing, broken CSV); nothing is stored. */
public final class ImportRejected extends RuntimeException {

    private final List<RowError> errors;

    public ImportRejected(List<RowError> errors) {
        super(errors.isEmpty() ? "import rejected" : errors.getFirst().message(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() { return errors; }

    /** The next record of {@code file}, or null at its end; a file that is not CSV rejects the import. */
    static String[] nextRecord(CsvReader csv, String file) {
        try {
            return csv.next();
        } catch (CsvReader.CsvFormatException e) {
            throw new ImportRejected(List.of(new RowError(file, e.line(), null, e.getMessage())));
        }
    }
}
