package dev.atlmcp.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL database for the token vault of {@code ./demo} and the tests: a fresh database on the server named by
 * {@code MCP_TEST_DATABASE_URL} (a JDBC URL with user and password, e.g. Debian's PostgreSQL that CI starts), or else
 * on an embedded PostgreSQL started for this process. The embedded server runs as root too: its binaries drop root
 * through a user namespace ({@code unshare -U}), since PostgreSQL refuses to run as root.
 */
public final class VaultDatabase implements AutoCloseable {

    public static final String SERVER_VARIABLE = "MCP_TEST_DATABASE_URL";

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String name;

    private VaultDatabase(EmbeddedPostgres embedded, String serverUrl, String name) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** A new, empty database. */
    public static VaultDatabase create() {
        Optional<String> server = Optional.ofNullable(System.getenv(SERVER_VARIABLE)).filter(u -> !u.isBlank());
        EmbeddedPostgres embedded = null;
        String serverUrl;
        if (server.isPresent()) {
            serverUrl = server.get();
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException | IllegalStateException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL (" + e.getMessage() + "). Point "
                        + SERVER_VARIABLE + " at a PostgreSQL server instead, e.g. jdbc:postgresql://127.0.0.1:5432/"
                        + "postgres?user=postgres&password=secret", e);
            }
            serverUrl = embedded.getJdbcUrl("postgres", "postgres");
        }
        String name = "vault_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        VaultDatabase database = new VaultDatabase(embedded, serverUrl, name);
        database.admin("create database " + name);
        return database;
    }

    /** The database's JDBC URL, with the user and password as parameters. */
    public String jdbcUrl() {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    /**
     * Takes the database away from its clients, as an outage would: new connections are refused and open ones end; or
     * gives it back.
     */
    public void available(boolean available) {
        admin("alter database " + name + " with allow_connections " + available);
        if (!available) {
            admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
        }
    }

    /** Runs one statement in the vault database. */
    public void execute(String sql) {
        try (Connection db = DriverManager.getConnection(jdbcUrl()); Statement statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            available(false);
            admin("drop database if exists " + name);
        } catch (IllegalStateException e) {
            // the server is gone already
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void admin(String sql) {
        try (Connection db = DriverManager.getConnection(serverUrl); Statement statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql + ": " + e.getMessage(), e);
        }
    }
}
