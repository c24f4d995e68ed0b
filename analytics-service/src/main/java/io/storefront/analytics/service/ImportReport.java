package io.storefront.analytics.service;

import io.storefront.analytics.domain.RowError;
import java.util.List;

/** The outcome of one import. {@code rowsRead} counts data rows of every uploaded file. */
public record ImportReport(long importId, String format, long rowsRead, long rowsRejected, long linesStored,
                           List<RowError> errors) {
}
