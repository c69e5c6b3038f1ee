package dev.atlmcp.compass.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.auth.outbound.OutboundCredentials;
import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.CompassCatalog.Match;
import dev.atlmcp.compass.client.CompassCatalog.Page;
import dev.atlmcp.compass.client.ComponentDto;

/** Catalog reads for the tools: argument rules, id versus slug versus name lookups, search filters and paging. */
@ApplicationScoped
public class CompassService {

    public static final int MAX_LIMIT = 50;
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern ARI = Pattern.compile("ari:cloud:compass:[0-9a-f-]{36}:component/[\\w-]+/[\\w-]+");
    static final Pattern TEAM = Pattern.compile("ari:cloud:teams::team/[\\w-]+");
    static final List<String> TYPES = List.of("SERVICE", "APPLICATION", "LIBRARY", "OTHER");

    private final CompassCatalog catalog;
    private final OutboundCredentials credentials;

    CompassService(CompassCatalog catalog, OutboundCredentials credentials) {
        this.catalog = catalog;
        this.credentials = credentials;
    }

    public ComponentDto component(String idOrSlug) {
        String ref = Arguments.text("component", idOrSlug, 300, "checkout-api or ari:cloud:compass:...");
        if (ref.startsWith("ari:")) {
            if (!ARI.matcher(ref).matches()) {
                throw new IllegalArgumentException("component '" + ref + "' is not a Compass component id "
                        + "(ari:cloud:compass:<cloudId>:component/<workspace>/<id>)");
            }
            return catalog.component(ref);
        }
        if (SLUG.matcher(ref).matches()) {
            return catalog.componentBySlug(ref);
        }
        return catalog.component(named(ref));
    }

    /** Compass has no lookup by name: search for it and keep the component whose name is exactly this. */
    private String named(String name) {
        List<Match> found = catalog.search(new CompassCatalog.SearchQuery(name, null, null, null, MAX_LIMIT, null))
                .items().stream().filter(m -> m.component().name().equalsIgnoreCase(name)).toList();
        if (found.isEmpty()) {
            throw new AtlassianException(404, List.of("No component is named '" + name + "'; find it with "
                    + "compass_search_components, or give its slug or id."), Optional.empty());
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("component: " + found.size() + " components are named '" + name
                    + "' (slugs " + String.join(", ", found.stream().map(m -> m.component().slug()).toList())
                    + "); give the slug of the one you mean");
        }
        return found.get(0).component().id();
    }

    public Page<Match> search(String text, String type, String ownerTeam, String label, int limit, String cursor) {
        return catalog.search(query(text, type, ownerTeam, label, limit, cursor));
    }

    /**
     * Components of the caller's teams. Compass answers this for the account whose token is used, so it is the caller's
     * only when each caller brings their own token.
     */
    public Page<Match> mine(String text, String type, int limit, String cursor) {
        if (!credentials.asCaller()) {
            throw new ToolRefusal("compass_my_components needs each caller's own Atlassian token: this server calls "
                    + "Compass with one shared account, whose teams are not yours. Use compass_search_components with "
                    + "owner_team set to your team's id (compass_who_owns shows a component's team), or ask the "
                    + "operator to run this server as each person (ATLASSIAN_AUTH_MODE=oauth, docs/delegated-access.md).");
        }
        return catalog.myComponents(query(text, type, null, null, limit, cursor));
    }

    private static CompassCatalog.SearchQuery query(String text, String type, String ownerTeam, String label,
            int limit, String cursor) {
        Arguments.limit(limit, MAX_LIMIT);
        String query = text == null || text.isBlank() ? null : Arguments.text("query", text, 500, "payments");
        return new CompassCatalog.SearchQuery(query, type(type), team("owner_team", ownerTeam), label == null || label
                .isBlank() ? null : label.trim(), limit, Arguments.cursor(cursor));
    }

    static String type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String upper = type.trim().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(upper)) {
            throw new IllegalArgumentException("type must be one of " + String.join(", ", TYPES) + ", got '" + type
                    + "'");
        }
        return upper;
    }

    /** A team id, or null when none is given. */
    static String team(String argument, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!TEAM.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException(argument + " must be a team id like ari:cloud:teams::team/<uuid> "
                    + "(compass_who_owns and compass_get_component show a component's), got '" + value + "'");
        }
        return value.trim();
    }
}
