package dev.atlmcp.platform.content;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.platform.config.PlatformConfig;

/** What of Atlassian's content reaches the model: excluded fields, restricted comments, secret masking. */
@ApplicationScoped
public class ContentPolicy {

    private final PlatformConfig.Redaction redaction;

    ContentPolicy(PlatformConfig server) {
        this.redaction = server.redaction();
    }

    /** A fresh handler for one tool answer. */
    public UntrustedText newAnswer() {
        return new UntrustedText(redaction.maskSecrets());
    }

    /** True if a field, by id or display name, must not be shown. */
    public boolean excluded(String id, String name) {
        List<String> fields = redaction.excludeFields().orElse(List.of());
        return fields.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).anyMatch(f -> f.equals(lower(id)) || f
                .equals(lower(name)));
    }

    public boolean showRestrictedComments() {
        return redaction.showRestrictedComments();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
