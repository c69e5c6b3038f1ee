package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.changes.ChangeIds;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.confluence.client.ConfluenceSite;

/**
 * Undoes one of the caller's page updates by restoring the version it replaced (a new version with the old content, so
 * history keeps both). Refused if the page has a newer version than the one the change made.
 */
@ApplicationScoped
public class PageUndo {

    public static final String LIST_TOOL = "confluence_list_my_agent_changes";
    private static final int ATTACHMENTS = 200;

    /** What an undo did, and notes on what went wrong around it. */
    public record Undone(String what, List<String> notes) {
    }

    private final ConfluenceService confluence;
    private final ConfluenceSite site;
    private final WritePipeline pipeline;
    private final ConfluenceProperties properties;

    PageUndo(ConfluenceService confluence, ConfluenceSite site,
            WritePipeline pipeline, ConfluenceProperties properties) {
        this.confluence = confluence;
        this.site = site;
        this.pipeline = pipeline;
        this.properties = properties;
    }

    public Undone undo(String changeId, boolean dryRun, String confirmationToken) {
        ChangeIds.Parsed id = ChangeIds.parse(changeId, "131075~k3j4h5g6f7", LIST_TOOL);
        PageView page = confluence.page(id.item());
        String wanted = page.id() + "~" + id.suffix();
        ConfluenceProperties.Property stored = properties.read(page.id(), ConfluenceProperties.changeKey(wanted))
                .orElseThrow(
                        () -> new ToolRefusal(
                                "No agent change " + wanted + " is recorded on page " + page.id() + ". List "
                                        + "yours with " + LIST_TOOL + "."));
        AgentChange change = pipeline.undoable(wanted, stored.value(), LIST_TOOL);
        if (change.action().equals("comment-added")) {
            return undoComment(change, page, stored, dryRun, confirmationToken);
        }
        if (change.action().equals("page-created") || change.action().equals("page-copied")) {
            throw new ToolRefusal("Not undone: this server does not delete pages, the one it created included. "
                    + "Delete or archive page " + page.id() + " in Confluence if it should go. Nothing was changed.");
        }
        if (change.action().equals("page-moved")) {
            return undoMove(change, page, stored, dryRun, confirmationToken);
        }
        if (change.action().equals("labels-added")) {
            return undoLabels(change, page, stored, dryRun, confirmationToken);
        }
        if (change.action().equals("attachment-added")) {
            return undoAttachment(change, page, stored, dryRun, confirmationToken);
        }
        if (!change.action().equals("page-updated")) {
            throw new ToolRefusal("Changes of kind '" + change.action() + "' cannot be undone by this server. "
                    + "Nothing was changed.");
        }
        int made = change.after().path("version").asInt();
        int previous = change.before().path("version").asInt();
        if (page.version() != made) {
            throw new ToolRefusal("Not undone: page " + page.id() + " is at version " + page.version() + " now; your "
                    + "change made version " + made + " and someone changed the page since, so undoing it would "
                    + "overwrite that. Nothing was changed. Compare the versions in the page history in Confluence.");
        }
        ObjectNode restore = JsonNodeFactory.instance.objectNode().put("operationKey", "restore");
        restore.putObject("params").put("versionNumber", previous).put("message", "Undo of agent change " + wanted);
        String what = "undo " + wanted + " (restore version " + previous + " of page " + page.id() + ")";
        pipeline.approve(
                new WriteGate.Write("confluence_undo_change", what, "POST",
                        site.contentApi() + "/" + page.id() + "/version", restore, () -> String.valueOf(
                                page
                                        .version())),
                dryRun, confirmationToken);
        pipeline.sendApproved(what, "read page " + page.id() + " with confluence_get_page, or call "
                + "confluence_undo_change again: it refuses once the undo has been applied",
                () -> site.restoreVersion(page.id(), restore));
        return finish(change, stored, what, "The version was restored");
    }

    /** Deletes a footer comment the change added, if it is still there. */
    private Undone undoComment(AgentChange change, PageView page, ConfluenceProperties.Property record, boolean dryRun,
            String confirmationToken) {
        String commentId = change.after().path("commentId").asText();
        boolean inline = change.after().path("inline").asBoolean();
        boolean there = AtlassianException.unlessNotFound(() -> site.comment(commentId, inline))
                .isPresent();
        if (!there) {
            throw new ToolRefusal("Comment " + commentId + " of change " + change.id() + " is no longer on page "
                    + page.id() + ": someone deleted it already. Nothing was changed.");
        }
        String what = "undo " + change.id() + " (delete comment " + commentId + " on page " + page.id() + ")";
        pipeline.approve(
                new WriteGate.Write("confluence_undo_change", what, "DELETE", site.commentPath(commentId, inline), null,
                        () -> String
                                .valueOf(page.version())),
                dryRun, confirmationToken);
        pipeline.sendApproved(what, "look at the comments at the bottom of page " + page.id() + " in Confluence",
                () -> {
                    site.deleteComment(commentId, inline);
                    return null;
                });
        return finish(change, record, what, "The comment was deleted");
    }

    /** Removes the labels the change added that are still on the page. */
    private Undone undoLabels(AgentChange change, PageView page, ConfluenceProperties.Property record, boolean dryRun,
            String confirmationToken) {
        List<String> added = new ArrayList<>();
        change.after().path("labels").forEach(l -> added.add(l.asText()));
        List<String> present = added.stream().filter(page.labels()::contains).toList();
        if (present.isEmpty()) {
            throw new ToolRefusal("The labels of change " + change.id() + " (" + String.join(", ", added) + ") are no "
                    + "longer on page " + page.id() + ": someone removed them already. Nothing was changed.");
        }
        String what = "undo " + change.id() + " (remove label " + String.join(", ", present) + " from page " + page
                .id() + ")";
        pipeline.approve(new WriteGate.Write("confluence_undo_change", what, "DELETE",
                site.contentApi() + "/" + page.id() + "/label/" + String.join(",", present), null,
                () -> String.join(",", page.labels())), dryRun, confirmationToken);
        for (String label : present) {
            pipeline.sendApproved(what, "read page " + page.id() + " with confluence_get_labels", () -> {
                site.removeLabel(page.id(), label);
                return null;
            });
        }
        return finish(change, record, what, "The labels were removed");
    }

    /** Moves an attachment the change added to the trash, if it is still on the page. */
    private Undone undoAttachment(AgentChange change, PageView page, ConfluenceProperties.Property record,
            boolean dryRun, String confirmationToken) {
        String id = change.after().path("attachmentId").asText();
        String title = change.after().path("title").asText();
        boolean there = false;
        for (JsonNode a : site.attachments(page.id(), ATTACHMENTS).path("results")) {
            there |= a.path("id").asText().equals(id);
        }
        if (!there) {
            throw new ToolRefusal("The attachment " + title + " of change " + change.id() + " is no longer on page "
                    + page.id() + ": someone removed it already. Nothing was changed.");
        }
        String what = "undo " + change.id() + " (move attachment " + title + " of page " + page.id() + " to the "
                + "trash)";
        pipeline.approve(new WriteGate.Write("confluence_undo_change", what, "DELETE", site.attachmentApi(id), null,
                () -> id), dryRun, confirmationToken);
        pipeline.sendApproved(what, "list the page's attachments with confluence_get_attachments", () -> {
            site.deleteAttachment(id);
            return null;
        });
        return finish(change, record, what, "The attachment was moved to the trash");
    }

    /** Moves a page back under the parent it had, if it is still where the change put it. */
    private Undone undoMove(AgentChange change, PageView page, ConfluenceProperties.Property record, boolean dryRun,
            String confirmationToken) {
        String movedUnder = change.after().path("parentId").asText();
        if (!movedUnder.equals(page.parentId())) {
            throw new ToolRefusal("Not undone: page " + page.id() + " is no longer under page " + movedUnder + ", "
                    + "where change " + change.id() + " put it: someone moved it since. Nothing was changed.");
        }
        PageView parent = confluence.page(change.before().path("parentId").asText());
        ConfluenceSite.Call call = site.moveUnder(page, parent.id());
        String what = "undo " + change.id() + " (move page " + page.id() + " back under page " + parent.id() + " ("
                + parent.title() + "))";
        pipeline.approve(new WriteGate.Write("confluence_undo_change", what, call.method(), call.path(), call.body(),
                () -> page.parentId()), dryRun, confirmationToken);
        pipeline.sendApproved(what, "read page " + page.id() + " with confluence_get_page: its path shows where it is",
                () -> {
                    site.move(page, parent.id());
                    return null;
                });
        return finish(change, record, what, "The page was moved back");
    }

    private Undone finish(AgentChange change, ConfluenceProperties.Property record, String what, String done) {
        AgentChange undone = pipeline.undone(change);
        List<String> notes = new ArrayList<>();
        notes.addAll(properties.markUndone(undone, record, done));
        return new Undone(what, notes);
    }
}
