package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.confluence.client.ConfluenceSite;
import dev.atlmcp.confluence.client.PageView;

/**
 * Who may view and edit a page: its own restrictions, and the view restrictions of the pages above it, which Confluence
 * applies to everything under them (edit restrictions are not inherited).
 */
@ApplicationScoped
public class PageRestrictions {

    /** The people (by name) and groups an operation is restricted to; both empty when it is not restricted. */
    public record Access(List<String> people, List<String> groups) {

        public boolean restricted() {
            return !people.isEmpty() || !groups.isEmpty();
        }
    }

    /** A page above that restricts who may view it and what is under it. */
    public record Above(String pageId, String title, Access view) {
    }

    public record Restrictions(PageView page, Access view, Access edit, List<Above> above) {
    }

    private final ConfluenceService confluence;
    private final ConfluenceSite site;

    PageRestrictions(ConfluenceService confluence, ConfluenceSite site) {
        this.confluence = confluence;
        this.site = site;
    }

    public Restrictions of(String pageId) {
        PageView page = confluence.page(pageId);
        JsonNode own = site.restrictions(page.id());
        return new Restrictions(page, access(own.path("read")), access(own.path("update")), viewRestrictedAbove(
                page));
    }

    /** The pages above {@code page} that restrict who may view it, the top of the space first. */
    public List<Above> viewRestrictedAbove(PageView page) {
        List<Above> above = new ArrayList<>();
        for (String id : site.ancestorIds(page)) {
            JsonNode read = site.viewRestriction(id);
            Access access = access(read);
            if (access.restricted()) {
                above.add(new Above(id, read.path("content").path("title").asText(id), access));
            }
        }
        return above;
    }

    private static Access access(JsonNode operation) {
        List<String> people = new ArrayList<>();
        operation.path("restrictions").path("user").path("results").forEach(u -> people.add(name(u)));
        List<String> groups = new ArrayList<>();
        operation.path("restrictions").path("group").path("results").forEach(g -> groups.add(g.path("name")
                .asText()));
        return new Access(people, groups);
    }

    private static String name(JsonNode user) {
        String name = user.path("displayName").asText(user.path("publicName").asText(""));
        String id = user.path("username").asText(user.path("accountId").asText(""));
        return name.isBlank() ? id : id.isBlank() || user.has("accountId") ? name : name + " (" + id + ")";
    }
}
