package dev.atlmcp.testing.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * The OAuth 2.0 (3LO) scopes an operation needs, as Atlassian's API descriptions say: each entry of its
 * {@code x-atlassian-oauth2-scopes} (Jira platform: the classic scopes, state {@code Current}, and the granular ones),
 * and its {@code security} requirements of the OAuth 2.0 scheme (Jira Software, Confluence). Any one alternative
 * suffices.
 */
final class OAuthScopes {

    private static final Set<String> OAUTH_SCHEMES = Set.of("OAuth2", "oAuthDefinitions");

    private OAuthScopes() {
    }

    /** The sets of scopes that each allow the operation; empty when the description names none. */
    static List<Set<String>> of(Operation operation) {
        List<Set<String>> alternatives = new ArrayList<>();
        Map<String, Object> extensions = operation.getExtensions();
        if (extensions != null && extensions.get("x-atlassian-oauth2-scopes") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map && map.get("scopes") instanceof List<?> scopes
                        && !scopes.isEmpty()) {
                    alternatives.add(strings(scopes));
                }
            }
        }
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                requirement.forEach((scheme, scopes) -> {
                    if (OAUTH_SCHEMES.contains(scheme) && !scopes.isEmpty()) {
                        alternatives.add(strings(scopes));
                    }
                });
            }
        }
        return alternatives;
    }

    private static Set<String> strings(List<?> values) {
        Set<String> set = new LinkedHashSet<>();
        values.forEach(v -> set.add(String.valueOf(v)));
        return set;
    }
}
