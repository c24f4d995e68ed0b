package io.storefront.testsupport;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Where a PostgreSQL server answers, and as whom to administer it (create and drop databases). */
public record PostgresServer(String host, int port, String user, String password, String adminDatabase,
                             String origin) {

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "3");
        props.setProperty("ApplicationName", "storefront-test-support");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, props);
    }

    /**
     * Parses {@code postgresql://user:password@host:port/database} (also with a {@code jdbc:} prefix
     * or the {@code postgres://} scheme); the database is the one used to create test databases.
     */
    public static PostgresServer fromUrl(String url, String origin) {
        String plain = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri = URI.create(plain.replaceFirst("^postgres(ql)?://", "postgresql://"));
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not a PostgreSQL URL (postgresql://user:password@host:port/db): " + url);
        }
        String user = "postgres";
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new PostgresServer(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, user, password,
                path.isEmpty() ? "postgres" : path, origin);
    }
}
