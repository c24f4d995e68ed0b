package io.storefront.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void parsesUrlsInTheFormsUsersWrite() {
        PostgresServer full = PostgresServer.fromUrl("postgresql://alice:s3cret@db.local:6543/admin", "env");
        assertEquals("db.local", full.host());
        assertEquals(6543, full.port());
        assertEquals("alice", full.user());
        assertEquals("s3cret", full.password());
        assertEquals("admin", full.adminDatabase());

        PostgresServer bare = PostgresServer.fromUrl("jdbc:postgres://localhost", "env");
        assertEquals(5432, bare.port());
        assertEquals("postgres", bare.user());
        assertNull(bare.password());
        assertEquals("postgres", bare.adminDatabase());

        assertThrows(IllegalArgumentException.class, () -> PostgresServer.fromUrl("mysql://localhost/x", "env"));
    }

    @Test
    void eachDatabaseIsFreshAndDroppedOnClose() throws Exception {
        String name;
        try (TestDatabase first = TestPostgres.createDatabase("unit"); TestDatabase second = TestPostgres.createDatabase("unit")) {
            name = first.name();
            assertNotEquals(first.name(), second.name());
            try (Connection c = first.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE leftover(id int)");
            }
            try (Connection c = second.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "a new database must not see another's tables");
            }
            assertTrue(first.quarkusProperties().get("quarkus.datasource.reactive.url").endsWith("/" + name));
        }
        PostgresServer server = TestPostgres.server();
        try (Connection c = server.connect(server.adminDatabase()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "closing must drop the database");
        }
    }

    @Test
    void findsLocalPostgresBinaries() {
        // the throwaway-cluster fallback needs these on any machine of this kind
        assertFalse(TestPostgres.findPostgresBin().isEmpty(), "initdb/pg_ctl should be installed");
    }

    @Test
    void startsAThrowawayClusterWhenNoServerIsRunning() throws Exception {
        // the path CI takes when the machine's PostgreSQL is stopped
        PostgresServer cluster = TestPostgres.ThrowawayCluster.start(TestPostgres.findPostgresBin().orElseThrow()).server();
        try (Connection c = cluster.connect(cluster.adminDatabase()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('port')::int")) {
            rs.next();
            assertEquals(cluster.port(), rs.getInt(1));
            assertNotEquals(5432, cluster.port());
        }
    }

    @Test
    void anOwnClusterStopsAndStartsKeepingWhatWasCommitted() throws Exception {
        TestPostgres.ThrowawayCluster cluster = TestPostgres.ownCluster().orElseThrow();
        try (TestDatabase db = TestPostgres.createDatabase(cluster.server(), "restart")) {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (id int)");
                st.execute("INSERT INTO kept VALUES (7)");
            }
            cluster.stopServer();
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, db::connect, "stopped");
            cluster.startServer();
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id FROM kept")) {
                rs.next();
                assertEquals(7, rs.getInt(1));
            }
        }
    }
}
