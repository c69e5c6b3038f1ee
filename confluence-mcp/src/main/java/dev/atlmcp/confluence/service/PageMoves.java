package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.confluence.client.ConfluenceSite;
import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;

/**
 * Moving a page under another parent (recorded, so an undo moves it back) and copying a page under a parent (with its
 * attachments, labels and own restrictions). Both stay within the allowed spaces and refuse to take a page out from
 * under a page that restricts who may view it: that would let more people read it.
 */
@ApplicationScoped
public class PageMoves {

    /** A page moved, the parent it is under now, its change id and notes. */
    public record Moved(PageView page, PageView parent, String changeId, List<String> notes) {
    }

    /** A copy made: the new page's id, title and link, under {@code parent}. */
    public record Copied(PageView source, PageView parent, String id, String title, String url, String changeId,
            List<String> notes) {
    }

    /**
     * Another space has its own readers, whom this server cannot compare with the first's: such a move or copy may let
     * more people read the page, so it needs confirmation like other writes that reach new people.
     */
    private static final String OTHER_READERS = " in space %s, whose readers may differ from space %s's";

    private final ConfluenceService confluence;
    private final ConfluenceSite site;
    private final WritePipeline pipeline;
    private final ConfluenceProperties properties;
    private final PageRestrictions restrictions;

    PageMoves(ConfluenceService confluence, ConfluenceSite site, WritePipeline pipeline,
            ConfluenceProperties properties, PageRestrictions restrictions) {
        this.confluence = confluence;
        this.site = site;
        this.pipeline = pipeline;
        this.properties = properties;
        this.restrictions = restrictions;
    }

    public Moved move(String pageId, String parentId, boolean dryRun, String confirmationToken) {
        PageView page = confluence.page(pageId);
        pipeline.requireOwner("page " + page.id(), "pages you created", Collections.singletonList(page.creatorId()));
        if (page.parentId() == null) {
            throw new ToolRefusal("Not moved: page " + page.id() + " (" + page.title() + ") is at the top of space "
                    + page.spaceKey() + ". This server moves only pages that have a parent page, so that a move "
                    + "can be undone. Nothing was changed.");
        }
        PageView parent = confluence.page("parent_id", parentId);
        if (parent.id().equals(page.parentId())) {
            throw new ToolRefusal("Page " + page.id() + " is already under page " + parent.id() + " (" + parent
                    .title() + "). Nothing was changed.");
        }
        List<String> parentAncestors = site.ancestorIds(parent);
        if (parent.id().equals(page.id()) || parentAncestors.contains(page.id())) {
            throw new ToolRefusal("Not moved: page " + parent.id() + " is page " + page.id() + " or under it, and a "
                    + "page cannot be moved under itself. Nothing was changed.");
        }
        boolean acrossSpaces = !parent.spaceKey().equals(page.spaceKey());
        if (acrossSpaces) {
            site.noMoveAcrossSpaces().ifPresent(why -> {
                throw new ToolRefusal("Not moved: " + why + ", and page " + parent.id() + " is in space " + parent
                        .spaceKey() + ". Move it in Confluence (… > Move), or choose a parent in space "
                        + page
                                .spaceKey()
                        + ". Nothing was changed.");
            });
        }
        requireNoWidening(page, parent, parentAncestors, "moved");
        ConfluenceSite.Call call = site.moveUnder(page, parent.id());
        String what = "move page " + page.id() + " (" + page.title() + ") under page " + parent.id() + " (" + parent
                .title() + ")" + (acrossSpaces ? OTHER_READERS.formatted(parent.spaceKey(), page.spaceKey()) : "");
        pipeline.approve(new WriteGate.Write("confluence_move_page", what, call.method(), call.path(), call.body(),
                () -> page.parentId() + " " + page.spaceKey(), acrossSpaces), dryRun, confirmationToken);
        pipeline.sendApproved(what, "read page " + page.id() + " with confluence_get_page: its path shows where it is",
                () -> {
                    site.move(page, parent.id());
                    return null;
                });
        AgentChange change = pipeline.start("confluence_move_page", "page-moved", page.id(), what, place(page
                .parentId(), page.spaceKey()), place(parent.id(), parent.spaceKey()));
        List<String> notes = new ArrayList<>();
        properties.keep(change, "The page was moved", "").ifPresent(notes::add);
        return new Moved(page, parent, change.id(), notes);
    }

    public Copied copy(String pageId, String parentId, String title, boolean dryRun, String confirmationToken) {
        PageView page = confluence.page(pageId);
        site.noCopy().ifPresent(why -> {
            throw new ToolRefusal("Not copied: " + why + ". Read the page with confluence_get_page and create the "
                    + "copy with confluence_create_page (its attachments are not carried over), or copy it in "
                    + "Confluence. Nothing was changed.");
        });
        PageView parent = confluence.page("parent_id", parentId);
        String newTitle = title == null || title.isBlank() ? (parent.spaceKey().equals(page.spaceKey()) ? "Copy of "
                + page.title() : page.title()) : Arguments.text("title", title, 255, "Runbook: checkout-api latency "
                        + "(EU)");
        requireNoWidening(page, parent, site.ancestorIds(parent), "copied");
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("copyAttachments", true).put("copyLabels", true)
                .put("copyPermissions", true).put("copyProperties", false).put("copyCustomContents", false);
        request.putObject("destination").put("type", "parent_page").put("value", parent.id());
        request.put("pageTitle", newTitle);
        boolean acrossSpaces = !parent.spaceKey().equals(page.spaceKey());
        String what = "copy page " + page.id() + " (" + page.title() + ") to a new page '" + newTitle + "' under "
                + "page " + parent.id() + " (" + parent.title() + ")" + (acrossSpaces ? OTHER_READERS.formatted(parent
                        .spaceKey(), page.spaceKey()) : " in space " + parent.spaceKey());
        pipeline.approve(new WriteGate.Write("confluence_copy_page", what, "POST", site.copyPath(page.id()), request,
                () -> String.valueOf(page.version()), acrossSpaces), dryRun, confirmationToken);
        JsonNode created = pipeline.sendApproved(what, "search for '" + newTitle + "' with confluence_search: a "
                + "page of that title means the copy was made", () -> site.copyPage(page.id(), request));
        String id = created.path("id").asText();
        AgentChange change = pipeline.start("confluence_copy_page", "page-copied", id, what, null,
                JsonNodeFactory.instance.objectNode().put("sourceId", page.id()).put("title", newTitle));
        List<String> notes = new ArrayList<>();
        properties.keep(change, "The page was copied", "").ifPresent(notes::add);
        String webui = created.path("_links").path("webui").asText(null);
        return new Copied(page, parent, id, newTitle, webui == null ? null : confluence.absoluteUrl(webui), change
                .id(), notes);
    }

    /**
     * Refuses when a page above {@code page} restricts who may view it and would not be above it under {@code parent}:
     * more people could read the page there.
     */
    private void requireNoWidening(PageView page, PageView parent, List<String> parentAncestors, String done) {
        Set<String> above = new HashSet<>(parentAncestors);
        above.add(parent.id());
        List<PageRestrictions.Above> lost = restrictions.viewRestrictedAbove(page).stream().filter(a -> !above
                .contains(a.pageId())).toList();
        if (!lost.isEmpty()) {
            throw new ToolRefusal("Not " + done + ": page " + page.id() + " is under " + lost.stream().map(a -> "page "
                    + a.pageId() + " (" + a.title() + ")").collect(Collectors.joining(", ")) + ", which restricts "
                    + "who may view it; under page " + parent.id() + " it would not be, so more people could read "
                    + "it. Nothing was changed. Choose a parent under that page, or ask someone who manages its "
                    + "restrictions to do this in Confluence.");
        }
    }

    static ObjectNode place(String parentId, String spaceKey) {
        return JsonNodeFactory.instance.objectNode().put("parentId", parentId).put("space", spaceKey);
    }
}
