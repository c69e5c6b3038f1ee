package dev.atlmcp.sandbox.confluence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.atlmcp.sandbox.SandboxUser;

/** The state of one simulated Confluence site: spaces and pages. */
final class ConfluenceStore {

    private final Map<String, Space> spaces = new LinkedHashMap<>();
    private final Map<String, Page> pages = new LinkedHashMap<>();
    /** Comments share the content id sequence with pages; seeded pages stay below it. */
    private final java.util.concurrent.atomic.AtomicLong nextContentId = new java.util.concurrent.atomic.AtomicLong(
            9_000_001);

    void add(Space space) {
        spaces.put(space.key(), space);
    }

    /** Adds a page; its parent, if any, must be added first. */
    void add(Page page) {
        Page parent = page.parentId == null ? null : pages.get(page.parentId);
        if (parent != null) {
            page.ancestorIds.addAll(parent.ancestorIds);
            page.ancestorIds.add(parent.id);
        }
        pages.put(page.id, page);
    }

    /** Each account's own user properties (Cloud), by account id. */
    final Map<String, Map<String, com.fasterxml.jackson.databind.JsonNode>> userProperties = new LinkedHashMap<>();

    String nextContentId() {
        return String.valueOf(nextContentId.getAndIncrement());
    }

    Optional<Space> spaceById(String id) {
        return spaces.values().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The page if it exists and its space is visible to {@code user}. */
    Optional<Page> visiblePage(String id, SandboxUser user) {
        return Optional.ofNullable(pages.get(id)).filter(p -> p.space.visibleTo(user));
    }

    /** The page holding footer comment {@code id}, if the user may see it. */
    Optional<Page> pageOfComment(String id, SandboxUser user) {
        return visiblePages(user).stream().filter(p -> {
            synchronized (p.comments) {
                return p.comments.stream().anyMatch(c -> c.id().equals(id));
            }
        }).findFirst();
    }

    List<Page> visiblePages(SandboxUser user) {
        return pages.values().stream().filter(p -> p.space.visibleTo(user)).toList();
    }

    List<Space> spaces() {
        return List.copyOf(spaces.values());
    }

    Optional<Space> space(String key) {
        return Optional.ofNullable(spaces.get(key));
    }

    /** The pages at the top of a space, the home page first. */
    List<Page> rootPages(Space space) {
        return pages.values().stream().filter(p -> p.space.equals(space) && p.parentId == null).toList();
    }

    /** A page's children in the order they were added. */
    synchronized List<Page> children(Page parent) {
        return pages.values().stream().filter(p -> parent.id.equals(p.parentId)).toList();
    }

    /** A page added after seeding, e.g. by a create request. */
    synchronized void addCreated(Page page) {
        add(page);
    }

    /** Ancestors from the space root down to the page's parent. */
    List<Page> ancestors(Page page) {
        return page.ancestorIds.stream().map(pages::get).toList();
    }
}
