package io.storefront.analytics.domain;

import java.util.ArrayList;
import java.util.List;

/** What an import has read and rejected so far; keeps the first {@value #MAX_ERRORS} row errors. */
public final class ImportTally {

    public static final int MAX_ERRORS = 1000;

    private long rowsRead;
    private long rowsRejected;
    private final List<RowError> errors = new ArrayList<>();

    void read() {
        rowsRead++;
    }

    void reject(List<RowError> rowErrors) {
        rowsRejected++;
        for (RowError e : rowErrors) {
            if (errors.size() < MAX_ERRORS) errors.add(e);
        }
    }

    public long rowsRead() { return rowsRead; }
    public long rowsRejected() { return rowsRejected; }
    public long rowsAccepted() { return rowsRead - rowsRejected; }
    public List<RowError> errors() { return List.copyOf(errors); }
}
