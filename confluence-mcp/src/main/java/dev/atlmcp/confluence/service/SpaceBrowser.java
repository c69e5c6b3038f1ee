package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.policy.ScopePolicy;
import dev.atlmcp.confluence.client.ConfluenceSite;

/** Spaces, page trees and pages found by title, within the space allow-list. */
@ApplicationScoped
public class SpaceBrowser {

    public static final int MAX_DEPTH = 5;
    /** A tree stops growing here, whatever the depth, so one answer stays readable. */
    public static final int MAX_NODES_SHOWN = 200;
    private static final int PAGE = 100;
    private static final int MAX_SPACES = 500;

    /** A space: its key, name, description and home page. */
    public record Space(String id, String key, String name, String description, String homepageId) {
    }

    /** A page in a tree with the pages under it. */
    public record Node(String id, String title, List<Node> children) {
    }

    /** A tree under one page, or a space's from its home page; {@code cut} when {@value #MAX_NODES_SHOWN} was hit. */
    public record Tree(String root, List<Node> nodes, int depth, boolean cut) {
    }

    private final ConfluenceSite site;
    private final ScopePolicy scope;
    private final ConfluenceService confluence;

    SpaceBrowser(ConfluenceSite site, ScopePolicy scope,
            ConfluenceService confluence) {
        this.site = site;
        this.scope = scope;
        this.confluence = confluence;
    }

    /** The spaces the account may see and the policy allows, at most {@value #MAX_SPACES}. */
    public List<Space> spaces() {
        List<Space> spaces = new ArrayList<>();
        String cursor = null;
        do {
            ConfluenceSite.Page page = site.spaces(null, PAGE, cursor);
            page.results().forEach(s -> spaces.add(space(s)));
            cursor = page.next();
            if (cursor == null || page.results().isEmpty()) {
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
        JsonNode space = site.spaces(spaceKey, 1, null).results().path(0);
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
        JsonNode found = site.pagesTitled(space.id(), space.key(), title, 2);
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
        JsonNode page = site.children(id, PAGE);
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
