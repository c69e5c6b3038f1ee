package dev.atlmcp.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;

/**
 * Starts the sandbox for a {@code @QuarkusTest} and points the server at its Cloud site with the service account's API
 * token. Tests reach the control API through the {@code sandbox.url} property; a test profile can point the server at a
 * Data Center site instead ({@code ${sandbox.url}/jira} or {@code /confluence}, with the account's PAT), or at the same
 * sites over mutual TLS ({@code sandbox.https-url}, trusting {@code sandbox.tls.ca} and presenting
 * {@code sandbox.tls.client-cert} with {@code sandbox.tls.client-key}).
 */
public class SandboxTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String PASSWORD = "sandbox";

    private Sandbox sandbox;
    private Path certificates;

    /** The signing key of servers under test: fixed, so records stay valid across restarts of a test server. */
    public static final String TEST_SIGNING_KEY = "test=a-signing-key-for-tests-only-0123456789";

    /** The hosts links written in tests point to. */
    public static final String TEST_LINK_HOSTS = "github.com,*.example.com,*.acme.example,*.opsgenie.com,*.slack.com";

    @Override
    public Map<String, String> start() {
        try {
            certificates = Files.createTempDirectory("sandbox-tls");
            new CertificateGenerator(certificates, true).generate(new CertificateRequest().withName("sandbox")
                    .withFormats(List.of(Format.PEM, Format.PKCS12)).withPassword(PASSWORD).withCN("localhost")
                    .withSubjectAlternativeName("DNS:localhost").withClientCertificate());
            sandbox = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of("http://localhost:8081/mcp"),
                    mutualTls(certificates)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set up the sandbox's TLS listener", e);
        }
        SandboxUser bot = Directory.BOT;
        return Map.ofEntries(Map.entry("sandbox.url", sandbox.url()), Map.entry("sandbox.address", URI.create(
                sandbox.url()).getAuthority()), Map.entry("sandbox.https-url", sandbox.httpsUrl().orElseThrow()),
                Map.entry("sandbox.tls.ca", certificates.resolve("sandbox-client-ca.crt").toString()),
                Map.entry("sandbox.tls.client-cert", certificates.resolve("sandbox-client.crt").toString()),
                Map.entry("sandbox.tls.client-key", certificates.resolve("sandbox-client.key").toString()),
                Map.entry("atlassian.url", sandbox.url()), Map.entry("atlassian.deployment", "cloud"),
                Map.entry("atlassian.auth.mode", "basic"), Map.entry("atlassian.auth.email", bot.email()),
                Map.entry("atlassian.auth.token", bot.apiToken()), Map.entry("mcp.signing.keys", TEST_SIGNING_KEY),
                Map.entry("mcp.policy.link-hosts", TEST_LINK_HOSTS));
    }

    /** The server's key and certificate, trusting exactly the generated client certificate. */
    private static SSLContext mutualTls(Path dir) throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(dir.resolve("sandbox-keystore.p12")), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(dir.resolve("sandbox-server-truststore.p12")));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (certificates != null) {
            try (Stream<Path> files = Files.walk(certificates)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary directory; nothing to do
            }
        }
    }
}
