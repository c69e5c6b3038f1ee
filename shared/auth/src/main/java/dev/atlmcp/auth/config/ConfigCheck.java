package dev.atlmcp.auth.config;

import java.util.List;
import java.util.Locale;

/**
 * Start-up configuration rules of one concern; {@code dev.atlmcp.platform.startup.ConfigValidator} runs every one and
 * refuses to start on any problem. Each problem is one line made with {@link #problem(String, String)}.
 */
public interface ConfigCheck {

    List<String> problems();

    /** One line naming the property and its environment variable. */
    static String problem(String property, String text) {
        String env = property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return "Configuration error: " + property + " (" + env + ") " + text + ".";
    }
}
