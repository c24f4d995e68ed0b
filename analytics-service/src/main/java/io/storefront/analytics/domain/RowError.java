package io.storefront.analytics.domain;

/** Why one row of an uploaded file was rejected: file, 1-based line, column as named in the file. */
public record RowError(String file, long line, String column, String message) {
}
