package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a server logs, at every level and with every optional log an operator might switch on (HTTP access log
 * with all headers, Atlassian request/response logging), written to {@code target/captured-logs/<name>.log} so a test
 * can check that no secret ever reaches a log.
 */
public final class CapturedLogs {

    /** A bearer or basic credential written out in full (masked values are {@code ...} or {@code ***}). */
    private static final Pattern AUTHORIZATION_VALUE = Pattern.compile("(?i)(authorization)[\"']?\\s*[:=]\\s*[\"']?"
            + "(basic|bearer)\\s+[A-Za-z0-9+/=._-]{6,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    private CapturedLogs() {
    }

    /** Test profile settings that capture the log under {@code name}. */
    public static Map<String, String> config(String name) {
        return Map.ofEntries(Map.entry("quarkus.log.min-level", "TRACE"), Map.entry("quarkus.log.level", "TRACE"),
                Map.entry("quarkus.log.console.level", "WARN"), Map.entry("quarkus.log.file.enabled", "true"),
                Map.entry("quarkus.log.file.level", "TRACE"), Map.entry("quarkus.log.file.path", file(name)
                        .toString()),
                Map.entry("quarkus.http.access-log.enabled", "true"), Map.entry("quarkus.http.access-log.pattern",
                        "long"),
                Map.entry("quarkus.rest-client.logging.scope", "request-response"),
                Map.entry("quarkus.rest-client.logging.body-limit", "2000"));
    }

    /** Fails if the log names any of {@code secrets} (also Base64-encoded), a full credential header or a JWT. */
    public static void assertNoSecrets(String name, String... secrets) {
        String log = read(name);
        assertTrue(log.contains("dev.atlmcp"), "the log of " + name + " should hold the servers' own debug output");
        assertTrue(log.contains("MaskingClientLogger") && log.contains("Authorization=***"), "Atlassian request "
                + "logging was on and masked the credentials");
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the log of " + name + " contains a secret");
            String encoded = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
            assertFalse(log.contains(encoded.substring(0, Math.min(encoded.length(), 16))), "the log of " + name
                    + " contains a Base64-encoded secret");
        }
        Matcher header = AUTHORIZATION_VALUE.matcher(log);
        assertFalse(header.find(), () -> "the log of " + name + " contains a credential: " + header.group(1) + " "
                + header.group(2) + " ...");
        assertFalse(JWT.matcher(log).find(), "the log of " + name + " contains a JWT");
    }

    public static String read(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(String name) {
        return Path.of("target", "captured-logs", name + ".log").toAbsolutePath();
    }
}
