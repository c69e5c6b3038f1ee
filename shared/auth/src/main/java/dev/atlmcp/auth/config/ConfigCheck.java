package dev.atlmcp.auth.config;

import java.util.List;

/**
 * A service's own start-up configuration rules, run by {@link ConfigValidator} next to the shared ones. Each problem is
 * one line made with {@link ConfigValidator#problem(String, String)}.
 */
public interface ConfigCheck {

    List<String> problems();
}
