package io.storefront.analytics.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few JDBC calls the import's transaction makes besides its COPYs (see {@link OrderLineRepository}). */
final class Jdbc {

    private Jdbc() {
    }

    static void execute(Connection tx, String sql) throws SQLException {
        try (Statement s = tx.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the one row {@code sql} returns. */
    static long queryLong(Connection tx, String sql) throws SQLException {
        try (Statement s = tx.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static boolean queryBoolean(Connection tx, String sql) throws SQLException {
        try (Statement s = tx.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
