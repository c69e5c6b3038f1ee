package dev.atlmcp.auth.delegated;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Connect links and the consents they start, in the vault's database so any replica can serve each step. The link, the
 * Atlassian {@code state} and the browser cookie are random values stored only as hashes; the PKCE verifier is sealed.
 * A link belongs to the person it was made for; a started consent completes once.
 */
@ApplicationScoped
public class ConnectRequests {

    /** The link a person opened: whose it is and for which product. */
    public record Link(String person, String product) {
    }

    /** A consent that came back from Atlassian: whose, for which product, the browser that started it, the verifier. */
    public record Started(String person, String product, String browser, String verifier) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Instance<DataSource> dataSource;
    private final VaultKeyring keyring;

    ConnectRequests(Instance<DataSource> dataSource, VaultKeyring keyring) {
        this.dataSource = dataSource;
        this.keyring = keyring;
    }

    /** A 256-bit random value, base64url. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new link for the person, valid for {@code lifetime}; expired links are cleared on the way. */
    public String create(String person, String product, Duration lifetime) {
        String link = random();
        try (Connection db = dataSource.get().getConnection()) {
            try (PreparedStatement clear = db.prepareStatement("delete from connect_request where expires_at < ?")) {
                clear.setTimestamp(1, Timestamp.from(Instant.now()));
                clear.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("insert into connect_request (link, person, product, "
                    + "expires_at) values (?, ?, ?, ?)")) {
                insert.setString(1, PersonKey.sha256(link));
                insert.setString(2, person);
                insert.setString(3, product);
                insert.setTimestamp(4, Timestamp.from(Instant.now().plus(lifetime)));
                insert.executeUpdate();
            }
            return link;
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }

    /** The unexpired link with this value. */
    public Optional<Link> find(String link) {
        try (Connection db = dataSource.get().getConnection(); PreparedStatement select = db.prepareStatement(
                "select person, product from connect_request where link = ? and expires_at > ?")) {
            select.setString(1, PersonKey.sha256(link));
            select.setTimestamp(2, Timestamp.from(Instant.now()));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Link(row.getString(1), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }

    /**
     * Records the consent the link's person is sent to: its {@code state}, the browser cookie and the PKCE verifier. A
     * consent started earlier from the same link is replaced. False if the link expired or was used meanwhile.
     */
    public boolean start(String link, String state, String browser, String verifier) {
        String id = PersonKey.sha256(link);
        VaultKeys.Sealed sealed = keyring.keys().seal(verifier, "connect\n" + PersonKey.sha256(state));
        try (Connection db = dataSource.get().getConnection(); PreparedStatement update = db.prepareStatement(
                "update connect_request set state = ?, browser = ?, key_id = ?, sealed = ? where link = ? and "
                        + "expires_at > ?")) {
            update.setString(1, PersonKey.sha256(state));
            update.setString(2, PersonKey.sha256(browser));
            update.setString(3, sealed.keyId());
            update.setBytes(4, sealed.bytes());
            update.setString(5, id);
            update.setTimestamp(6, Timestamp.from(Instant.now()));
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }

    /** The consent with this {@code state}, removed so it cannot complete twice; empty if unknown or expired. */
    public Optional<Started> complete(String state) {
        String hash = PersonKey.sha256(state);
        try (Connection db = dataSource.get().getConnection(); PreparedStatement delete = db.prepareStatement(
                "delete from connect_request where state = ? returning person, product, expires_at, browser, key_id, "
                        + "sealed")) {
            delete.setString(1, hash);
            try (ResultSet row = delete.executeQuery()) {
                if (!row.next() || !row.getTimestamp("expires_at").toInstant().isAfter(Instant.now())) {
                    return Optional.empty();
                }
                String verifier = keyring.keys().open(new VaultKeys.Sealed(row.getString("key_id"), row.getBytes(
                        "sealed")), "connect\n" + hash);
                return Optional.of(new Started(row.getString("person"), row.getString("product"), row.getString(
                        "browser"), verifier));
            }
        } catch (SQLException e) {
            throw new VaultUnavailable(e);
        }
    }
}
