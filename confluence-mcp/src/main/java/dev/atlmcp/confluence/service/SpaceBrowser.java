package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.policy.ScopePolicy;
import dev.atlmcp.confluence.client.ConfluenceClient;

/** Spaces, page trees and pages found by title, within the space allow-list; Cloud v2 or Data Center v1. */
@ApplicationScoped
public class SpaceBrowser {

    public static final int MAX_DEPTH = 5;
    /** A tree stops growing here, whatever the depth, so one answer stays readable. */
    public static final int MAX_NODES_SHOWN = 200;
    private static final int PAGE = 100;
    private static final int MAX_SPACES = 500;
    private static final String DC_EXPAND = "description.plain,homepage";

    /** A space: its key, name, description and home page. */
    public record Space(String id, String key, String name, String description, String homepageId) {
    }

    /** A page in a tree with the pages under it. */
    public record Node(String id, String title, List<Node> children) {
    }

    /** A tree under one page, or a space's from its home page; {@code cut} when {@value #MAX_NODES_SHOWN} was hit. */
    public record Tree(String root, List<Node> nodes, int depth, boolean cut) {
    }

    private final ConfluenceClient client;
    private final AtlassianConfig config;
    private final ScopePolicy scope;
    private final ConfluenceService confluence;

    SpaceBrowser(@RestClient ConfluenceClient client, AtlassianConfig config, ScopePolicy scope,
            ConfluenceService confluence) {
        this.client = client;
        this.config = config;
        this.scope = scope;
        this.confluence = confluence;
    }

    /** The spaces the account may see and the policy allows, at most {@value #MAX_SPACES}. */
    public List<Space> spaces() {
        List<Space> spaces = new ArrayList<>();
        String cursor = null;
        int start = 0;
        do {
            JsonNode page = config.isDataCenter() ? client.dataCenterSpaces(null, start, PAGE, DC_EXPAND)
                    : client.cloudSpaces(null, PAGE, cursor, "plain");
            page.path("results").forEach(s -> spaces.add(space(s)));
            start += page.path("results").size();
            String next = page.path("_links").path("next").asText(null);
            cursor = next == null ? null : ConfluenceService.queryParam(next, "cursor");
            if (next == null || page.path("results").isEmpty()) {
                break;
            }
        } while (spaces.size() < MAX_SPACES);
        return spaces.stream().filter(s -> scope.allowsSpace(s.key())).toList();
    }

    /** One space by key; one the account may not see, or the policy does not allow, answers as not found. */
    public Space space(String key) {
        String spaceKey = spaceKey(key);
        AtlassianException missing = new AtlassianException(404, List.of("No space with key '" + spaceKey + "'."),
                Optional.empty());
        scope.requireSpace(spaceKey, missing);
        JsonNode found = config.isDataCenter() ? client.dataCenterSpaces(spaceKey, 0, 1, DC_EXPAND)
                : client.cloudSpaces(spaceKey, 1, null, "plain");
        JsonNode space = found.path("results").path(0);
        if (space.isMissingNode() || !spaceKey.equals(space.path("key").asText())) {
            throw missing;
        }
        return space(space);
    }

    /** The page id given, or the id of the page titled {@code title} in {@code spaceKey}. */
    public String pageId(String pageId, String spaceKey, String title) {
        boolean byId = pageId != null && !pageId.isBlank();
        boolean byTitle = title != null && !title.isBlank();
        if (byId == byTitle || byTitle && (spaceKey == null || spaceKey.isBlank())) {
            throw new IllegalArgumentException("Give page_id, or space and title (exact) to find a page by its "
                    + "title");
        }
        if (byId) {
            return pageId;
        }
        Space space = space(spaceKey);
        return pageTitled(space, title.trim()).orElseThrow(() -> new AtlassianException(404, List.of("No page is "
                + "titled '" + title.trim() + "' in space " + space.key() + "."), Optional.empty()));
    }

    /** The id of the page titled exactly {@code title} in a space. */
    public Optional<String> pageTitled(Space space, String title) {
        JsonNode found = config.isDataCenter() ? client.dataCenterPagesTitled(space.key(), title, "page", 2)
                : client.cloudPagesTitled(space.id(), title, 2);
        JsonNode page = found.path("results").path(0);
        return page.isMissingNode() ? Optional.empty() : Optional.of(page.path("id").asText());
    }

    /** The pages under {@code pageId}, or the tree of {@code spaceKey} from its home page, to {@code depth} levels. */
    public Tree tree(String pageId, String spaceKey, int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ", got " + depth);
        }
        boolean byPage = pageId != null && !pageId.isBlank();
        if (byPage == (spaceKey != null && !spaceKey.isBlank())) {
            throw new IllegalArgumentException("Give either page_id (the tree under a page) or space (the tree of "
                    + "a space), not both");
        }
        if (byPage) {
            int[] budget = { MAX_NODES_SHOWN };
            PageView page = confluence.page(pageId);
            return new Tree(page.title() + " (" + page.id() + ")", children(page.id(), depth, budget), depth,
                    budget[0] <= 0);
        }
        return tree(space(spaceKey), depth);
    }

    /** A space and the top two levels of its tree (none when it has no home page), with one lookup of the space. */
    public record Overview(Space space, Tree tree) {
    }

    public Overview overview(String spaceKey) {
        Space space = space(spaceKey);
        return new Overview(space, space.homepageId() == null ? null : tree(space, 2));
    }

    private Tree tree(Space space, int depth) {
        if (space.homepageId() == null) {
            return new Tree("space " + space.key(), List.of(), depth, false);
        }
        int[] budget = { MAX_NODES_SHOWN };
        PageView home = confluence.page(space.homepageId());
        Node root = new Node(home.id(), home.title(), children(home.id(), depth - 1, budget));
        return new Tree("space " + space.key() + " (" + space.name() + ")", List.of(root), depth, budget[0] <= 0);
    }

    private List<Node> children(String id, int depth, int[] budget) {
        if (depth <= 0) {
            return List.of();
        }
        List<Node> nodes = new ArrayList<>();
        JsonNode page = config.isDataCenter() ? client.dataCenterChildren(id, 0, PAGE) : client.cloudChildren(id,
                PAGE, null);
        for (JsonNode child : page.path("results")) {
            if (budget[0]-- <= 0) {
                break;
            }
            String childId = child.path("id").asText();
            nodes.add(new Node(childId, child.path("title").asText(), children(childId, depth - 1, budget)));
        }
        return nodes;
    }

    private static Space space(JsonNode s) {
        String description = s.path("description").path("plain").path("value").asText(null);
        String home = s.hasNonNull("homepageId") ? s.path("homepageId").asText()
                : s.path("homepage").path("id").asText(null);
        return new Space(s.path("id").asText(), s.path("key").asText(), s.path("name").asText(), description, home);
    }

    /** A space key such as OPS (personal spaces start with ~). */
    public static String spaceKey(String key) {
        String spaceKey = key == null ? "" : key.trim();
        if (!spaceKey.matches("~?[A-Za-z0-9_.-]{1,255}")) {
            throw new IllegalArgumentException("space must be a space key like OPS, got '" + key + "'");
        }
        return spaceKey.startsWith("~") ? spaceKey : spaceKey.toUpperCase(Locale.ROOT);
    }
}
