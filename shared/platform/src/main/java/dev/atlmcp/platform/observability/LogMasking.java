package dev.atlmcp.platform.observability;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

import dev.atlmcp.platform.content.SecretMasker;
import dev.atlmcp.auth.inbound.SessionOwners;

/**
 * Masks what no log may hold, in every line whoever writes it: MCP session ids are replaced by their hash
 * ({@link SessionOwners#hash}; the MCP library logs them when sessions start, end or are not found, and a session id in
 * a log would let its reader use the session; they are the Base64 form of a random UUID, which is what this looks for),
 * and secret-looking values by {@link SecretMasker}'s masks.
 */
@LoggingFilter(name = "masking")
public final class LogMasking implements Filter {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{48}(?![A-Za-z0-9_-])");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            if (message != null) {
                String masked = mask(message);
                if (!masked.equals(message)) {
                    ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                    ext.setParameters(null);
                }
            }
        }
        return true;
    }

    static String mask(String text) {
        return SecretMasker.mask(maskSessionIds(text));
    }

    private static String maskSessionIds(String text) {
        Matcher candidate = CANDIDATE.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (candidate.find()) {
            candidate.appendReplacement(masked, Matcher.quoteReplacement(isSessionId(candidate.group())
                    ? "session:" + SessionOwners.hash(candidate.group()) : candidate.group()));
        }
        return candidate.appendTail(masked).toString();
    }

    private static boolean isSessionId(String candidate) {
        try {
            return UUID.matcher(new String(Base64.getUrlDecoder().decode(candidate), StandardCharsets.ISO_8859_1))
                    .matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
