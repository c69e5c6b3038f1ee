package dev.atlmcp.platform.policy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.platform.config.PlatformConfig;
import dev.atlmcp.platform.errors.ToolRefusal;

/**
 * Where links an agent writes may point ({@code MCP_POLICY_LINK_HOSTS}, always with the Atlassian site's own host): a
 * URL can carry data out of the company, so a link tool refuses other hosts, and the write gate asks for confirmation
 * before text holding links to them is sent ({@code MCP_CONFIRM_FOREIGN_LINKS}).
 */
@ApplicationScoped
public class OutboundLinks {

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://([^\\s/?#\"'<>\\\\\\]\\)|]+)");

    private final List<String> hosts;

    @Inject
    OutboundLinks(PlatformConfig server, AtlassianConfig atlassian) {
        this(server.policy().linkHosts().orElse(List.of()), atlassian.url());
    }

    OutboundLinks(List<String> configured, Optional<String> site) {
        List<String> all = new ArrayList<>();
        site.flatMap(OutboundLinks::host).ifPresent(all::add);
        configured.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).forEach(all::add);
        this.hosts = List.copyOf(all);
    }

    /** Refuses {@code url} unless its host is allowed. */
    public void requireAllowed(String argument, String url) {
        String host = host(url).orElse("");
        if (!allowed(host)) {
            throw new ToolRefusal("Nothing was sent: " + argument + " points to " + (host.isEmpty() ? "no host"
                    : host) + ", and links may point only to " + String.join(", ", hosts) + ". Ask an administrator "
                    + "to add the host to MCP_POLICY_LINK_HOSTS if agents should link there.");
        }
    }

    /** The hosts outside the allowed ones that URLs anywhere in {@code body}'s texts point to, sorted. */
    public List<String> foreignHosts(JsonNode body) {
        TreeSet<String> foreign = new TreeSet<>();
        collect(body, foreign);
        return List.copyOf(foreign);
    }

    private void collect(JsonNode node, TreeSet<String> foreign) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            Matcher url = URL.matcher(node.asText());
            while (url.find()) {
                String host = bare(url.group(1));
                if (!allowed(host)) {
                    foreign.add(host);
                }
            }
        }
        node.forEach(child -> collect(child, foreign));
    }

    private boolean allowed(String host) {
        return !host.isEmpty() && hosts.stream().anyMatch(h -> h.startsWith("*.") ? host.equals(h.substring(2))
                || host.endsWith(h.substring(1)) : host.equals(h));
    }

    private static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(URI.create(url.trim()).getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            Matcher match = URL.matcher(url);
            return match.find() ? Optional.of(bare(match.group(1))) : Optional.empty();
        }
    }

    /** The host of an authority: without user information and port. */
    private static String bare(String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }
}
