package io.storefront.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** A database created for one test run and dropped when closed. */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;

    TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() { return name; }
    public PostgresServer server() { return server; }

    /** For the Vert.x reactive client: {@code postgresql://host:port/db}. */
    public String reactiveUrl() {
        return "postgresql://" + server.host() + ":" + server.port() + "/" + name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + name;
    }

    /** The Quarkus datasource properties that point an application at this database. */
    public Map<String, String> quarkusProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.datasource.reactive.url", reactiveUrl());
        props.put("quarkus.datasource.jdbc.url", jdbcUrl());
        props.put("quarkus.datasource.username", server.user());
        props.put("quarkus.datasource.password", server.password() == null ? "" : server.password());
        return props;
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    @Override
    public void close() {
        try (Connection admin = server.connect(server.adminDatabase()); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + TestPostgres.quote(name) + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("[test-support] could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
