package io.storefront.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds a PostgreSQL server for tests without Docker and creates a fresh database on it.
 *
 * <p>Order: the URL in {@code STOREFRONT_TEST_PG_URL}; a server on localhost:5432; a throwaway
 * cluster started with the local {@code initdb}/{@code pg_ctl} (as user {@code postgres} when
 * running as root) and stopped when the JVM exits; otherwise an error saying what to install.
 */
public final class TestPostgres {

    public static final String URL_ENV = "STOREFRONT_TEST_PG_URL";
    static final String DB_PREFIX = "sftest_";
    /** Databases of runs that died before dropping theirs are removed once this old. */
    private static final Duration STALE_AFTER = Duration.ofHours(6);

    private static PostgresServer server;

    private TestPostgres() {
    }

    /** A new, empty database; {@code label} only makes its name easier to recognise. */
    public static TestDatabase createDatabase(String label) {
        return createDatabase(server(), label);
    }

    /** A new, empty database on that server. */
    public static TestDatabase createDatabase(PostgresServer srv, String label) {
        String name = DB_PREFIX + System.currentTimeMillis() + "_"
                + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        try (Connection admin = srv.connect(srv.adminDatabase()); Statement st = admin.createStatement()) {
            dropStale(st);
            st.execute("CREATE DATABASE " + quote(name) + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database on " + srv.origin() + ": " + e.getMessage(), e);
        }
        return new TestDatabase(srv, name);
    }

    public static synchronized PostgresServer server() {
        if (server == null) {
            server = locate();
            System.out.println("[test-support] PostgreSQL: " + server.origin());
        }
        return server;
    }

    static PostgresServer locate() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            PostgresServer fromEnv = PostgresServer.fromUrl(url.trim(), URL_ENV);
            Optional<String> failure = probe(fromEnv);
            if (failure.isPresent()) {
                throw new IllegalStateException(URL_ENV + " is set but PostgreSQL does not answer there: " + failure.get());
            }
            return fromEnv;
        }
        List<String> failures = new ArrayList<>();
        for (String user : localUsers()) {
            PostgresServer local = new PostgresServer("127.0.0.1", 5432, user, null, "postgres",
                    "localhost:5432 as " + user);
            Optional<String> failure = probe(local);
            if (failure.isEmpty()) {
                return local;
            }
            failures.add(local.origin() + ": " + failure.get());
        }
        Optional<Path> binDir = findPostgresBin();
        if (binDir.isPresent()) {
            return ThrowawayCluster.start(binDir.get()).server();
        }
        throw new IllegalStateException("""
                No PostgreSQL for the tests. Tried:
                  - %s (not set)
                  - %s
                  - a throwaway cluster: no initdb/pg_ctl found in /usr/lib/postgresql/*/bin or on PATH
                Install PostgreSQL 15+ (Debian: apt-get install postgresql), start it on localhost:5432 with
                trust or set %s=postgresql://user:password@host:port/postgres."""
                .formatted(URL_ENV, String.join("\n  - ", failures), URL_ENV));
    }

    private static List<String> localUsers() {
        List<String> users = new ArrayList<>();
        String pgUser = System.getenv("PGUSER");
        if (pgUser != null && !pgUser.isBlank()) users.add(pgUser);
        users.add("postgres");
        String osUser = System.getProperty("user.name");
        if (osUser != null && !users.contains(osUser)) users.add(osUser);
        return users;
    }

    private static Optional<String> probe(PostgresServer candidate) {
        try (Connection c = candidate.connect(candidate.adminDatabase()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (rs.next() && rs.getBoolean(1)) {
                return Optional.empty();
            }
            return Optional.of("user cannot create databases");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void dropStale(Statement st) throws SQLException {
        List<String> stale = new ArrayList<>();
        long cutoff = System.currentTimeMillis() - STALE_AFTER.toMillis();
        try (ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'sftest\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(DB_PREFIX.length()).split("_", 2);
                try {
                    if (Long.parseLong(parts[0]) < cutoff) stale.add(name);
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        for (String name : stale) {
            st.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static Optional<Path> findPostgresBin() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                Optional<Path> newest = versions
                        .map(v -> v.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(TestPostgres::majorVersion));
                if (newest.isPresent()) return newest;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            Path bin = Path.of(dir);
            if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) {
                return Optional.of(bin);
            }
        }
        return Optional.empty();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A cluster of the test's own, for tests that stop and start the server under running services;
     * empty where no {@code initdb}/{@code pg_ctl} is installed. Removed when the JVM exits.
     */
    public static Optional<ThrowawayCluster> ownCluster() {
        return findPostgresBin().map(ThrowawayCluster::start);
    }

    /** A cluster in a temp dir, owned by this JVM: started on a free port, removed at exit. */
    public static final class ThrowawayCluster {

        private final Path bin;
        private final Path dir;
        private final Path data;
        private final boolean root;
        private final int port;

        private ThrowawayCluster(Path bin, Path dir, boolean root, int port) {
            this.bin = bin;
            this.dir = dir;
            this.data = dir.resolve("data");
            this.root = root;
            this.port = port;
        }

        static ThrowawayCluster start(Path bin) {
            try {
                boolean root = "root".equals(System.getProperty("user.name"));
                Path dir = Files.createTempDirectory("sf-pg-", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                ThrowawayCluster cluster = new ThrowawayCluster(bin, dir, root, freePort());
                if (root) {
                    run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
                }
                run(List.of(bin.resolve("initdb").toString(), "-D", cluster.data.toString(), "-U", "test", "--auth=trust",
                        "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), root);
                cluster.startServer();
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::remove));
                return cluster;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start a throwaway PostgreSQL cluster", e);
            }
        }

        public PostgresServer server() {
            return new PostgresServer("127.0.0.1", port, "test", null, "postgres",
                    "throwaway cluster in " + dir + " on port " + port);
        }

        /** Starts the stopped server again, same port and settings. */
        public void startServer() {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
                    dir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"), root);
        }

        /** Stops the server as an operator's restart does: open sessions are ended, their transactions rolled back. */
        public void stopServer() {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), root);
        }

        private void remove() {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
            } catch (RuntimeException e) {
                System.err.println("[test-support] " + e.getMessage());
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("[test-support] could not delete " + dir + ": " + e.getMessage());
            }
        }

        private static void run(List<String> command, boolean asPostgres) {
            List<String> full = new ArrayList<>();
            if (asPostgres) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            full.addAll(command);
            try {
                Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("Command failed: " + String.join(" ", full) + "\n" + output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
