package dev.atlmcp.auth.delegated;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * People's grants in PostgreSQL, one row per person and product, the tokens sealed by {@link VaultKeys}. Replicas share
 * the database; a refresh holds the row's lock, so only one replica refreshes a grant at a time and the others then
 * read its result.
 */
@ApplicationScoped
public class GrantVault {

    private static final String COLUMNS = "key_id, sealed, access_expires_at, connected_at, refreshed_at";

    private final Instance<DataSource> dataSource;
    private final VaultKeyring keyring;

    GrantVault(Instance<DataSource> dataSource, VaultKeyring keyring) {
        this.dataSource = dataSource;
        this.keyring = keyring;
    }

    public Optional<Grant> find(String person, String product) {
        try (Connection db = dataSource.get().getConnection(); PreparedStatement select = db.prepareStatement(
                "select " + COLUMNS + " from atlassian_grant where person = ? and product = ?")) {
            return read(select, person, product);
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }

    public void save(String person, String product, Grant grant) {
        try (Connection db = dataSource.get().getConnection()) {
            upsert(db, person, product, grant);
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }

    /** Whether there was a grant to delete. */
    public boolean delete(String person, String product) {
        try (Connection db = dataSource.get().getConnection(); PreparedStatement delete = db.prepareStatement(
                "delete from atlassian_grant where person = ? and product = ?")) {
            delete.setString(1, person);
            delete.setString(2, product);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }

    /**
     * The grant, refreshed by {@code refresh} if its access token expires before {@code dueBefore}, under the row's
     * lock: whoever takes the lock second finds the grant already refreshed and uses it. If {@code refresh} throws
     * {@link InvalidGrant} the row is deleted; any other failure leaves it as it was, so the refresh token that may
     * still be valid is not lost.
     */
    public Optional<Grant> refreshIfDue(String person, String product, Instant dueBefore,
            UnaryOperator<Grant> refresh) {
        try (Connection db = dataSource.get().getConnection()) {
            db.setAutoCommit(false);
            try {
                try (PreparedStatement wait = db.prepareStatement("set local lock_timeout = '20s'")) {
                    wait.execute();
                }
                Optional<Grant> current;
                try (PreparedStatement select = db.prepareStatement("select " + COLUMNS + " from atlassian_grant "
                        + "where person = ? and product = ? for update")) {
                    current = read(select, person, product);
                }
                if (current.isEmpty() || current.get().accessExpiresAt().isAfter(dueBefore)) {
                    db.commit();
                    return current;
                }
                Grant refreshed;
                try {
                    refreshed = refresh.apply(current.get());
                } catch (InvalidGrant e) {
                    try (PreparedStatement delete = db.prepareStatement(
                            "delete from atlassian_grant where person = ? and product = ?")) {
                        delete.setString(1, person);
                        delete.setString(2, product);
                        delete.executeUpdate();
                    }
                    db.commit();
                    throw e;
                }
                upsert(db, person, product, refreshed);
                db.commit();
                return Optional.of(refreshed);
            } catch (SQLException | RuntimeException e) {
                rollback(db);
                throw e;
            }
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }

    private Optional<Grant> read(PreparedStatement select, String person, String product) throws SQLException {
        select.setString(1, person);
        select.setString(2, product);
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            String json = keyring.keys().open(new VaultKeys.Sealed(row.getString("key_id"), row.getBytes("sealed")),
                    boundTo(person, product));
            return Optional.of(Grant.fromRow(json, instant(row, "access_expires_at"), instant(row, "connected_at"),
                    instant(row, "refreshed_at")));
        }
    }

    private void upsert(Connection db, String person, String product, Grant grant) throws SQLException {
        VaultKeys.Sealed sealed = keyring.keys().seal(grant.sealedJson(), boundTo(person, product));
        try (PreparedStatement upsert = db.prepareStatement("insert into atlassian_grant (person, product, " + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?) on conflict (person, product) do update set key_id = excluded.key_id, "
                + "sealed = excluded.sealed, access_expires_at = excluded.access_expires_at, connected_at = "
                + "excluded.connected_at, refreshed_at = excluded.refreshed_at")) {
            upsert.setString(1, person);
            upsert.setString(2, product);
            upsert.setString(3, sealed.keyId());
            upsert.setBytes(4, sealed.bytes());
            upsert.setTimestamp(5, Timestamp.from(grant.accessExpiresAt()));
            upsert.setTimestamp(6, Timestamp.from(grant.connectedAt()));
            upsert.setTimestamp(7, Timestamp.from(grant.refreshedAt()));
            upsert.executeUpdate();
        }
    }

    private static String boundTo(String person, String product) {
        return "grant\n" + person + "\n" + product;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static void rollback(Connection db) {
        try {
            db.rollback();
        } catch (SQLException e) {
            // the connection is broken; closing it ends the transaction
        }
    }

    /** Atlassian refused the refresh token ({@code invalid_grant}): the person must connect again. */
    public static final class InvalidGrant extends RuntimeException {
        public InvalidGrant(String description) {
            super("Atlassian refused the refresh token: " + description, null, false, false);
        }
    }
}
