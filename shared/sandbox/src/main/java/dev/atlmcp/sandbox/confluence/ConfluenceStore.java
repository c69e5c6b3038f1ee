package dev.atlmcp.sandbox.confluence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.atlmcp.sandbox.SandboxUser;

/** The state of one simulated Confluence site: spaces, pages and blog posts. */
final class ConfluenceStore {

    private final Map<String, Space> spaces = new LinkedHashMap<>();
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, Page> blogPosts = new LinkedHashMap<>();
    /** Comments share the content id sequence with pages; seeded pages stay below it. */
    private final java.util.concurrent.atomic.AtomicLong nextContentId = new java.util.concurrent.atomic.AtomicLong(
            9_000_001);

    void add(Space space) {
        spaces.put(space.key(), space);
    }

    /** Adds a page or blog post; a page's parent, if any, must be added first. */
    void add(Page page) {
        if (Page.BLOG_POST.equals(page.type)) {
            blogPosts.put(page.id, page);
            return;
        }
        page.ancestorIds = ancestorIdsUnder(page.parentId);
        pages.put(page.id, page);
    }

    private List<String> ancestorIdsUnder(String parentId) {
        Page parent = parentId == null ? null : pages.get(parentId);
        if (parent == null) {
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>(parent.ancestorIds);
        ids.add(parent.id);
        return List.copyOf(ids);
    }

    /** Puts a page, and the pages under it, under a new parent, in the parent's space. */
    synchronized void move(Page page, Page parent) {
        page.space = parent.space;
        page.parentId = parent.id;
        page.ancestorIds = ancestorIdsUnder(parent.id);
        for (Page child : children(page)) {
            move(child, page);
        }
    }

    /** Every page of a space, whoever may see it: titles are unique in a space. */
    synchronized List<Page> pagesIn(Space space) {
        return pages.values().stream().filter(p -> p.space.equals(space)).toList();
    }

    /** The blog post if it exists and the user may see it. */
    Optional<Page> visibleBlogPost(String id, SandboxUser user) {
        return Optional.ofNullable(blogPosts.get(id)).filter(p -> p.space.visibleTo(user) && readable(p, user));
    }

    /** Pages and blog posts the user may see, for search. */
    List<Page> visibleContent(SandboxUser user) {
        List<Page> all = new java.util.ArrayList<>(visiblePages(user));
        blogPosts.values().stream().filter(p -> p.space.visibleTo(user) && readable(p, user)).forEach(all::add);
        return all;
    }

    /** Whether no view restriction of the page or of a page above it leaves the user out. */
    boolean readable(Page page, SandboxUser user) {
        return java.util.stream.Stream.concat(page.ancestorIds.stream().map(pages::get), java.util.stream.Stream.of(
                page)).map(p -> p.restrictions.get("read")).allMatch(r -> r == null || r.allows(user));
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
        return Optional.ofNullable(pages.get(id)).filter(p -> p.space.visibleTo(user) && readable(p, user));
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
        return pages.values().stream().filter(p -> p.space.visibleTo(user) && readable(p, user)).toList();
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
