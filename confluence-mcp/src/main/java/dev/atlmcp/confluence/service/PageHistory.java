package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.adf.AdfToMarkdown;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.confluence.client.ConfluenceSite;

/** A page's versions, and what changed between two of them as a diff of their Markdown. */
@ApplicationScoped
public class PageHistory {

    public static final int MAX_DIFF_LINES = 400;
    private static final int CONTEXT = 2;

    /** One version: its number, who made it and when, and its message. */
    public record Version(int number, String by, String when, String message) {
    }

    public record Versions(PageView page, List<Version> versions, String nextCursor) {
    }

    /** A unified diff of two versions' Markdown, cut after {@value #MAX_DIFF_LINES} lines. */
    public record Diff(PageView page, int from, int to, String fromTitle, String toTitle, List<String> lines,
            int added, int removed, boolean cut) {
    }

    private final ConfluenceService confluence;
    private final ConfluenceSite site;

    PageHistory(ConfluenceService confluence, ConfluenceSite site) {
        this.confluence = confluence;
        this.site = site;
    }

    public Versions versions(String pageId, int limit, String cursor) {
        Arguments.limit(limit, ConfluenceService.MAX_LIMIT);
        PageView page = confluence.page(pageId);
        List<Version> versions = new ArrayList<>();
        ConfluenceSite.Page found = site.versions(page.id(), limit, Arguments.cursor(cursor));
        for (JsonNode v : found.results()) {
            String by = v.has("by") ? v.path("by").path("displayName").asText() + " (" + v.path("by").path(
                    "username").asText() + ")" : "account " + v.path("authorId").asText();
            versions.add(new Version(v.path("number").asInt(), by, v.path(v.has("when") ? "when" : "createdAt")
                    .asText(null), v.path("message").asText("")));
        }
        return new Versions(page, versions, found.next());
    }

    /**
     * @param to
     *            the later version, or 0 for the current one
     */
    public Diff diff(String pageId, int from, int to) {
        PageView page = confluence.page(pageId);
        int target = to == 0 ? page.version() : to;
        if (from < 1 || target > page.version() || from >= target) {
            throw new IllegalArgumentException("from_version and to_version must satisfy 1 <= from_version < "
                    + "to_version <= " + page.version() + " (the current version of page " + page.id() + "), got "
                    + from + " and " + target);
        }
        Snapshot before = snapshot(page.id(), from);
        Snapshot after = target == page.version() ? new Snapshot(page.title(), AdfToMarkdown.render(page.body()))
                : snapshot(page.id(), target);
        List<String> a = before.markdown().lines().toList();
        List<String> b = after.markdown().lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            added += delta.getTarget().size();
            removed += delta.getSource().size();
        }
        List<String> lines = patch.getDeltas().isEmpty() ? List.of()
                : UnifiedDiffUtils.generateUnifiedDiff("version " + from, "version " + target, a, patch, CONTEXT);
        boolean cut = lines.size() > MAX_DIFF_LINES;
        return new Diff(page, from, target, before.title(), after.title(), cut ? lines.subList(0, MAX_DIFF_LINES)
                : lines, added, removed, cut);
    }

    private record Snapshot(String title, String markdown) {
    }

    private Snapshot snapshot(String id, int version) {
        ConfluenceSite.Snapshot page = site.pageAt(id, version);
        return new Snapshot(page.title(), AdfToMarkdown.render(page.body()));
    }
}
