package dev.atlmcp.auth.delegated;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
    /** How often a grant's last use is written down: enough to tell unused grants, cheap for busy ones. */
    private static final Duration USE_NOTED_EVERY = Duration.ofHours(1);

    /** A grant as the administrators' listing shows it: who, which product, when; no token. */
    public record Listed(String product, String subject, String cloudId, String scopes, Instant connectedAt,
            Instant lastUsedAt, String keyId) {
    }

    private final Instance<DataSource> dataSource;
    private final VaultKeyring keyring;

    GrantVault(Instance<DataSource> dataSource, VaultKeyring keyring) {
        this.dataSource = dataSource;
        this.keyring = keyring;
    }

    /** The grant for a call; the use is written down when the last one noted is an hour old or more. */
    public Optional<Grant> use(String person, String product) {
        try (Connection db = dataSource.get().getConnection()) {
            Optional<Grant> grant;
            boolean noteUse;
            try (PreparedStatement select = db.prepareStatement("select " + COLUMNS + ", last_used_at < ? as stale "
                    + "from atlassian_grant where person = ? and product = ?")) {
                select.setTimestamp(1, Timestamp.from(Instant.now().minus(USE_NOTED_EVERY)));
                select.setString(2, person);
                select.setString(3, product);
                try (ResultSet row = select.executeQuery()) {
                    grant = row.next() ? Optional.of(grant(row, person, product)) : Optional.empty();
                    noteUse = grant.isPresent() && row.getBoolean("stale");
                }
            }
            if (noteUse) {
                try (PreparedStatement touch = db.prepareStatement("update atlassian_grant set last_used_at = now() "
                        + "where person = ? and product = ?")) {
                    touch.setString(1, person);
                    touch.setString(2, product);
                    touch.executeUpdate();
                }
            }
            return grant;
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }

    /** Every grant, newest first, for the administrators; a grant no configured key opens shows no subject. */
    public List<Listed> list() {
        List<Listed> grants = new ArrayList<>();
        try (Connection db = dataSource.get().getConnection(); PreparedStatement select = db.prepareStatement(
                "select person, product, " + COLUMNS + ", last_used_at from atlassian_grant order by connected_at "
                        + "desc");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String product = row.getString("product");
                Optional<Grant> grant;
                try {
                    grant = Optional.of(grant(row, row.getString("person"), product));
                } catch (VaultKeys.UnreadableGrant e) {
                    grant = Optional.empty();
                }
                grants.add(new Listed(product, grant.map(Grant::subject).orElse(null), grant.map(Grant::cloudId)
                        .orElse(null), grant.map(Grant::scopes).orElse(null), instant(row, "connected_at"),
                        instant(
                                row, "last_used_at"),
                        row.getString("key_id")));
            }
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
        return grants;
    }

    /** Deletes every grant of the person, all products; the products they had. */
    public List<String> deleteAll(String person) {
        try (Connection db = dataSource.get().getConnection(); PreparedStatement delete = db.prepareStatement(
                "delete from atlassian_grant where person = ? returning product")) {
            delete.setString(1, person);
            return products(delete);
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }

    /** Deletes the grants not used since {@code cutoff}; the product of each. */
    public List<String> deleteUnusedSince(Instant cutoff) {
        try (Connection db = dataSource.get().getConnection(); PreparedStatement delete = db.prepareStatement(
                "delete from atlassian_grant where last_used_at < ? returning product")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return products(delete);
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }

    /** The key new seals use: the first of {@code MCP_VAULT_KEYS}. */
    public String currentKeyId() {
        return keyring.keys().currentKeyId();
    }

    /** How many grants each key seals. */
    public Map<String, Integer> keyUsage() {
        Map<String, Integer> usage = new TreeMap<>();
        try (Connection db = dataSource.get().getConnection(); PreparedStatement select = db.prepareStatement(
                "select key_id, count(*) from atlassian_grant group by key_id");
                ResultSet row = select
                        .executeQuery()) {
            while (row.next()) {
                usage.put(row.getString(1), row.getInt(2));
            }
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
        return usage;
    }

    /**
     * Seals again under the current key every grant sealed under another one, each under its row's lock, so replicas
     * using or refreshing a grant meanwhile wait for it rather than overwrite it. A grant no configured key opens is
     * left as it is and counted apart. Returns how many were sealed again and how many could not be read.
     */
    public Resealed resealAll() {
        String current = currentKeyId();
        List<String[]> rows = new ArrayList<>();
        try (Connection db = dataSource.get().getConnection(); PreparedStatement select = db.prepareStatement(
                "select person, product from atlassian_grant where key_id <> ?")) {
            select.setString(1, current);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new String[] { row.getString(1), row.getString(2) });
                }
            }
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
        int resealed = 0;
        int unreadable = 0;
        for (String[] row : rows) {
            try {
                if (resealOne(row[0], row[1], current)) {
                    resealed++;
                }
            } catch (VaultKeys.UnreadableGrant e) {
                unreadable++;
            }
        }
        return new Resealed(resealed, unreadable);
    }

    public record Resealed(int resealed, int unreadable) {
    }

    private boolean resealOne(String person, String product, String current) {
        try (Connection db = dataSource.get().getConnection()) {
            db.setAutoCommit(false);
            try {
                Optional<Grant> grant;
                try (PreparedStatement select = db.prepareStatement("select " + COLUMNS + " from atlassian_grant "
                        + "where person = ? and product = ? and key_id <> ? for update")) {
                    select.setString(1, person);
                    select.setString(2, product);
                    select.setString(3, current);
                    try (ResultSet row = select.executeQuery()) {
                        grant = row.next() ? Optional.of(grant(row, person, product)) : Optional.empty();
                    }
                }
                if (grant.isPresent()) {
                    VaultKeys.Sealed sealed = keyring.keys().seal(grant.get().sealedJson(), boundTo(person, product));
                    try (PreparedStatement update = db.prepareStatement("update atlassian_grant set key_id = ?, "
                            + "sealed = ? where person = ? and product = ?")) {
                        update.setString(1, sealed.keyId());
                        update.setBytes(2, sealed.bytes());
                        update.setString(3, person);
                        update.setString(4, product);
                        update.executeUpdate();
                    }
                }
                db.commit();
                return grant.isPresent();
            } catch (SQLException | RuntimeException e) {
                rollback(db);
                throw e;
            }
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

    private static List<String> products(PreparedStatement delete) throws SQLException {
        List<String> products = new ArrayList<>();
        try (ResultSet row = delete.executeQuery()) {
            while (row.next()) {
                products.add(row.getString(1));
            }
        }
        return products;
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
            return row.next() ? Optional.of(grant(row, person, product)) : Optional.empty();
        }
    }

    private Grant grant(ResultSet row, String person, String product) throws SQLException {
        String json = keyring.keys().open(new VaultKeys.Sealed(row.getString("key_id"), row.getBytes("sealed")),
                boundTo(person, product));
        return Grant.fromRow(json, instant(row, "access_expires_at"), instant(row, "connected_at"), instant(row,
                "refreshed_at"));
    }

    private void upsert(Connection db, String person, String product, Grant grant) throws SQLException {
        VaultKeys.Sealed sealed = keyring.keys().seal(grant.sealedJson(), boundTo(person, product));
        try (PreparedStatement upsert = db.prepareStatement("insert into atlassian_grant (person, product, " + COLUMNS
                + ", last_used_at) values (?, ?, ?, ?, ?, ?, ?, now()) on conflict (person, product) do update set "
                + "key_id = excluded.key_id, sealed = excluded.sealed, access_expires_at = excluded.access_expires_at, "
                + "connected_at = excluded.connected_at, refreshed_at = excluded.refreshed_at, last_used_at = now()")) {
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
