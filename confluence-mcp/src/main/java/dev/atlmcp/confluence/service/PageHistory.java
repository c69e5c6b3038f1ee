package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import dev.atlmcp.adf.AdfToMarkdown;
import dev.atlmcp.adf.StorageToAdf;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.confluence.client.ConfluenceClient;
import dev.atlmcp.confluence.client.PageDtos;

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
    private final ConfluenceClient client;
    private final AtlassianConfig config;

    PageHistory(ConfluenceService confluence, @RestClient ConfluenceClient client, AtlassianConfig config) {
        this.confluence = confluence;
        this.client = client;
        this.config = config;
    }

    public Versions versions(String pageId, int limit, String cursor) {
        Arguments.limit(limit, ConfluenceService.MAX_LIMIT);
        PageView page = confluence.page(pageId);
        List<Version> versions = new ArrayList<>();
        JsonNode found;
        String next;
        if (config.isDataCenter()) {
            int start = Arguments.offset(Arguments.cursor(cursor), "confluence_get_page_versions");
            found = client.dataCenterVersions(page.id(), start, limit);
            next = Arguments.nextOffsetCursor(start, found.path("results").size(), found.path("_links").has("next"));
        } else {
            found = client.cloudVersions(page.id(), limit, Arguments.cursor(cursor));
            next = ConfluenceService.queryParam(found.path("_links").path("next").asText(null), "cursor");
        }
        for (JsonNode v : found.path("results")) {
            String by = v.has("by") ? v.path("by").path("displayName").asText() + " (" + v.path("by").path(
                    "username").asText() + ")" : "account " + v.path("authorId").asText();
            versions.add(new Version(v.path("number").asInt(), by, v.path(v.has("when") ? "when" : "createdAt")
                    .asText(null), v.path("message").asText("")));
        }
        return new Versions(page, versions, next);
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
        if (config.isDataCenter()) {
            PageDtos.DataCenterPage page = client.dataCenterPageAt(id, "historical", version, "body.storage,version");
            String storage = page.body() == null || page.body().storage() == null ? "" : page.body().storage()
                    .value();
            return new Snapshot(page.title(), AdfToMarkdown.render(StorageToAdf.convert(storage)));
        }
        PageDtos.CloudPage page = client.cloudPageAt(id, "atlas_doc_format", version);
        String adf = page.body() == null || page.body().atlasDocFormat() == null ? null : page.body().atlasDocFormat()
                .value();
        return new Snapshot(page.title(), AdfToMarkdown.render(confluence.adf(adf)));
    }
}
