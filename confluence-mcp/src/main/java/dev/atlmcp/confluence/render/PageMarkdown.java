package dev.atlmcp.confluence.render;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.atlmcp.adf.AdfToMarkdown;
import dev.atlmcp.adf.Listing;
import dev.atlmcp.auth.content.ContentPolicy;
import dev.atlmcp.auth.content.UntrustedText;
import dev.atlmcp.confluence.service.ConfluenceService;
import dev.atlmcp.confluence.service.PageUndo;
import dev.atlmcp.confluence.service.PageUpdates;
import dev.atlmcp.confluence.service.PageView;
import dev.atlmcp.confluence.service.SearchView;

/** Compact Markdown for pages and search results; page ids stay in the text for chaining. */
public final class PageMarkdown {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private PageMarkdown() {
    }

    /** The page with its body fenced as data. */
    public static String page(PageView page, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(page.title()).append('\n');
        md.append("Page ").append(page.id()).append(" · space ").append(page.spaceKey());
        if (page.spaceName() != null) {
            md.append(" (").append(page.spaceName()).append(')');
        }
        md.append(" · version ").append(page.version());
        if (page.updatedAt() != null) {
            md.append(" · updated ").append(time(page.updatedAt()));
        }
        if (page.updatedBy() != null) {
            md.append(" by ").append(page.updatedBy());
        }
        md.append('\n');
        if (!page.ancestors().isEmpty()) {
            md.append("Path: ").append(page.ancestors().stream().map(a -> a.title() + " (" + a.id() + ")")
                    .collect(Collectors.joining(" > "))).append('\n');
        } else if (page.parentId() != null) {
            md.append("Parent: ").append(page.parentId()).append('\n');
        }
        if (!page.labels().isEmpty()) {
            md.append("Labels: ").append(String.join(", ", page.labels())).append('\n');
        }
        if (page.url() != null) {
            md.append("URL: ").append(page.url()).append('\n');
        }
        String body = AdfToMarkdown.render(page.body()).strip();
        md.append('\n').append(body.isEmpty() ? "(This page is empty.)" : content.block("page " + page.id() + " body"
                + (page.updatedBy() == null ? "" : ", last edited by " + page.updatedBy()), body));
        return content.finish(md.toString());
    }

    public static String pageUpdated(PageUpdates.PageUpdated updated) {
        return "Updated page " + updated.page().id() + " (" + updated.page().title() + ") to version " + updated
                .version() + ".\nChange id: " + updated.changeId() + " (confluence_undo_change restores version "
                + updated.page().version() + " while nobody has changed the page since)."
                + (updated.page().url() == null
                        ? "" : "\n" + updated.page().url())
                + notes(updated.notes());
    }

    public static String undone(PageUndo.Undone undone) {
        return "Done: " + undone.what() + "." + notes(undone.notes());
    }

    private static String notes(List<String> notes) {
        return notes.isEmpty() ? "" : "\n" + String.join("\n", notes);
    }

    public static String commentAdded(ConfluenceService.CommentAdded added) {
        return "Added comment " + added.commentId() + " to page " + added.page().id() + " (" + added.page().title()
                + ")." + (added.url() == null ? "" : "\nURL: " + added.url()) + "\nChange id: " + added.changeId()
                + " (confluence_undo_change deletes it while nobody has changed it)." + notes(added.notes());
    }

    /** The result table, fenced as data as a whole: titles and excerpts are text written by people. */
    public static String searchResults(SearchView results, ContentPolicy policy) {
        String summary = Listing.summary(results.hits().size(), results.total(), "result", "results", results
                .nextCursor());
        if (results.hits().isEmpty()) {
            return summary;
        }
        List<List<String>> rows = new ArrayList<>();
        for (SearchView.Hit hit : results.hits()) {
            rows.add(java.util.Arrays.asList(hit.id(), hit.title(), hit.type(), hit.space(), time(hit.updatedAt()),
                    hit.excerpt()));
        }
        UntrustedText content = policy.newAnswer();
        return content.finish(summary + "\n\n" + content.block("Confluence search results", Listing.table(List.of(
                "Id", "Title", "Type", "Space", "Updated", "Excerpt"), rows)));
    }

    static String time(String isoTime) {
        if (isoTime == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(isoTime).withOffsetSameInstant(ZoneOffset.UTC).format(SHOWN);
        } catch (DateTimeParseException e) {
            return isoTime;
        }
    }
}
