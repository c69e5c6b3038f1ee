package dev.atlmcp.confluence.render;

import static dev.atlmcp.adf.Listing.time;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.atlmcp.adf.AdfToMarkdown;
import dev.atlmcp.adf.Listing;
import dev.atlmcp.adf.OneLine;
import dev.atlmcp.platform.content.AttachmentReader;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.content.UntrustedText;
import dev.atlmcp.confluence.service.CommentThreads;
import dev.atlmcp.confluence.service.ConfluenceUsers;
import dev.atlmcp.confluence.service.PageAttachments;
import dev.atlmcp.confluence.service.PageCreation;
import dev.atlmcp.confluence.service.PageHistory;
import dev.atlmcp.confluence.service.PageLabels;
import dev.atlmcp.confluence.service.PageMoves;
import dev.atlmcp.confluence.service.PageRestrictions;
import dev.atlmcp.confluence.service.PageUndo;
import dev.atlmcp.confluence.service.PageUpdates;
import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.confluence.service.SearchView;
import dev.atlmcp.confluence.service.SpaceBrowser;

/** Compact Markdown for pages and search results; page ids stay in the text for chaining. */
public final class PageMarkdown {

    private PageMarkdown() {
    }

    /** The page with its body fenced as data. */
    public static String page(PageView page, ContentPolicy policy) {
        return content(page, "Page", "page", policy);
    }

    /** A blog post, shown as a page is. */
    public static String blogPost(PageView post, ContentPolicy policy) {
        return content(post, "Blog post", "blog post", policy);
    }

    private static String content(PageView page, String kind, String noun, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(page.title()).append('\n');
        md.append(kind).append(' ').append(page.id()).append(" · space ").append(page.spaceKey());
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
        md.append('\n').append(body.isEmpty() ? "(This " + noun + " is empty.)" : content.block(noun + " " + page.id()
                + " body"
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

    public static String created(PageCreation.Created created) {
        if (created.existing()) {
            return "Page " + created.id() + " (" + created.title() + ") already exists in space " + created
                    .spaceKey() + ": an identical earlier request created it, so nothing new was created."
                    + (created.url() == null ? "" : "\nURL: " + created.url());
        }
        return "Created page " + created.id() + " (" + created.title() + ") in space " + created.spaceKey() + "."
                + (created.url() == null ? "" : "\nURL: " + created.url()) + "\nChange id: " + created.changeId()
                + ". Calling again with the same arguments returns this page instead of creating another."
                + notes(created.notes());
    }

    /** Space names are people's text, so the table is fenced as data. */
    public static String spaces(List<SpaceBrowser.Space> spaces, ContentPolicy policy) {
        if (spaces.isEmpty()) {
            return "No spaces are visible to this account within this server's policy.";
        }
        UntrustedText content = policy.newAnswer();
        List<List<String>> rows = spaces.stream().map(s -> java.util.Arrays.asList(s.key(), s.name(), s.homepageId(),
                s.id())).toList();
        return content.finish(spaces.size() + (spaces.size() == 1 ? " space" : " spaces") + ":\n\n" + content.block(
                "Confluence spaces", Listing.table(List.of("Key", "Name", "Home page", "Id"), rows)));
    }

    public static String space(SpaceBrowser.Overview overview, ContentPolicy policy) {
        SpaceBrowser.Space space = overview.space();
        SpaceBrowser.Tree tree = overview.tree();
        UntrustedText content = policy.newAnswer();
        StringBuilder about = new StringBuilder(space.name());
        if (space.description() != null && !space.description().isBlank()) {
            about.append("\n").append(space.description());
        }
        StringBuilder md = new StringBuilder("# Space ").append(space.key()).append('\n').append(content.block(
                "space " + space.key(), about.toString())).append('\n');
        if (tree == null) {
            md.append("\nIt has no home page.");
        } else {
            md.append("\nHome page ").append(space.homepageId()).append(". Its tree, two levels deep:\n").append(
                    content.block("space " + space.key() + " tree", lines(tree.nodes(), "")));
        }
        return content.finish(md.toString());
    }

    /** Titles are people's text, so the tree is fenced as data; ids stay in for chaining. */
    public static String tree(SpaceBrowser.Tree tree, ContentPolicy policy) {
        if (tree.nodes().isEmpty()) {
            return "No pages under " + tree.root() + ".";
        }
        UntrustedText content = policy.newAnswer();
        String note = tree.cut() ? "\nStopped at " + SpaceBrowser.MAX_NODES_SHOWN + " pages; ask for the tree under "
                + "one of them with its page_id." : "";
        return content.finish("Pages under " + tree.root() + ", " + tree.depth() + (tree.depth() == 1 ? " level"
                : " levels") + " deep:\n" + content.block("page tree", lines(tree.nodes(), "")) + note);
    }

    private static String lines(List<SpaceBrowser.Node> nodes, String indent) {
        StringBuilder md = new StringBuilder();
        for (SpaceBrowser.Node node : nodes) {
            md.append(indent).append("- ").append(node.title()).append(" (").append(node.id()).append(")\n");
            md.append(lines(node.children(), indent + "  "));
        }
        return indent.isEmpty() ? md.toString().stripTrailing() : md.toString();
    }

    public static String labels(PageLabels.Labelled labelled) {
        PageView page = labelled.page();
        return labelled.labels().isEmpty() ? "Page " + page.id() + " (" + page.title() + ") has no labels."
                : "Labels of page " + page.id() + " (" + page.title() + "): " + String.join(", ", labelled.labels());
    }

    public static String labelsAdded(PageLabels.Added added) {
        String page = "page " + added.page().id() + " (" + added.page().title() + ")";
        if (added.added().isEmpty()) {
            return "Nothing to add: " + page + " already has " + String.join(", ", added.already()) + ".";
        }
        return "Added " + String.join(", ", added.added()) + " to " + page + "." + (added.already().isEmpty() ? ""
                : " It already had " + String.join(", ", added.already()) + ".") + "\nChange id: " + added.changeId()
                + " (confluence_undo_change removes them)." + notes(added.notes());
    }

    /** Who may view and edit a page, its own restrictions and those it inherits. */
    public static String restrictions(PageRestrictions.Restrictions r) {
        PageView page = r.page();
        StringBuilder md = new StringBuilder("Restrictions of page ").append(page.id()).append(" (").append(page
                .title()).append(") in space ").append(page.spaceKey()).append(":\n");
        md.append("- View: ").append(r.view().restricted() ? who(r.view()) : r.above().isEmpty()
                ? "not restricted (everyone who may view space " + page.spaceKey() + ")"
                : "no restriction of its own").append('\n');
        for (PageRestrictions.Above above : r.above()) {
            md.append("- View, inherited from page ").append(above.pageId()).append(" (").append(above.title())
                    .append("): ").append(who(above.view())).append('\n');
        }
        md.append("- Edit: ").append(r.edit().restricted() ? who(r.edit()) : "not restricted (everyone who may view "
                + "it and add pages in space " + page.spaceKey() + ")");
        if (!r.above().isEmpty() || r.view().restricted()) {
            md.append("\nOnly people allowed by every view restriction above may view it; space permissions apply "
                    + "too.");
        }
        return md.toString();
    }

    private static String who(PageRestrictions.Access access) {
        List<String> parts = new ArrayList<>(access.people());
        access.groups().forEach(g -> parts.add("group " + g));
        return String.join(", ", parts);
    }

    public static String moved(PageMoves.Moved moved) {
        return "Moved page " + moved.page().id() + " (" + moved.page().title() + ") under page " + moved.parent().id()
                + " (" + moved.parent().title() + ") in space " + moved.parent().spaceKey() + ".\nChange id: "
                + moved.changeId() + " (confluence_undo_change moves it back under page " + moved.page().parentId()
                + " while nobody has moved it since)." + notes(moved.notes());
    }

    public static String copied(PageMoves.Copied copied) {
        return "Copied page " + copied.source().id() + " (" + copied.source().title() + ") to page " + copied.id()
                + " (" + copied.title() + ") under page " + copied.parent().id() + " (" + copied.parent().title()
                + ") in space " + copied.parent().spaceKey() + ", with its attachments, labels and restrictions."
                + (copied.url() == null ? "" : "\nURL: " + copied.url()) + "\nChange id: " + copied.changeId()
                + " (this server does not delete pages: delete the copy in Confluence if it should go)."
                + notes(copied.notes());
    }

    public static String attachmentAdded(PageAttachments.Added added) {
        return "Done: " + added.file().name() + " attached to page " + added.page().id() + " (" + added.page()
                .title() + ").\nChange id: " + added.changeId() + " (confluence_undo_change moves it to the trash)."
                + notes(added.notes());
    }

    public static String versions(PageHistory.Versions versions) {
        String page = "page " + versions.page().id() + " (" + versions.page().title() + ")";
        String summary = Listing.summary(versions.versions().size(), null, "version", "versions", versions
                .nextCursor());
        List<List<String>> rows = versions.versions().stream().map(v -> java.util.Arrays.asList(String.valueOf(v
                .number()), v.by(), time(v.when()), v.message())).toList();
        return "# Versions of " + page + ", newest first\n" + summary + (rows.isEmpty() ? "" : "\n\n" + Listing
                .table(List.of("Version", "By", "When", "Message"), rows));
    }

    /** The diff is page text, fenced as data. */
    public static String diff(PageHistory.Diff diff, ContentPolicy policy) {
        String page = "page " + diff.page().id() + " (" + diff.page().title() + ")";
        StringBuilder md = new StringBuilder("# Changes to ").append(page).append(" from version ").append(diff
                .from()).append(" to ").append(diff.to()).append('\n');
        if (!diff.fromTitle().equals(diff.toTitle())) {
            md.append("Title: '").append(diff.fromTitle()).append("' -> '").append(diff.toTitle()).append("'\n");
        }
        if (diff.lines().isEmpty()) {
            return md.append("The text of the two versions is the same.").toString();
        }
        md.append(diff.added()).append(" lines added, ").append(diff.removed()).append(" removed.");
        if (diff.cut()) {
            md.append(" Showing the first ").append(PageHistory.MAX_DIFF_LINES).append(" lines of the diff.");
        }
        UntrustedText content = policy.newAnswer();
        return content.finish(md.append("\n\n").append(content.block(page + " diff", "```diff\n" + String.join(
                "\n", diff.lines()) + "\n```")).toString());
    }

    /** Comment text is people's text, fenced as data; ids and authors stay outside for replies. */
    public static String comments(CommentThreads.Threads threads, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        String page = "page " + threads.page().id() + " (" + threads.page().title() + ")";
        StringBuilder md = new StringBuilder("# Comments on ").append(page).append('\n');
        if (threads.footer().isEmpty() && threads.inline().isEmpty()) {
            return md.append("No comments.").toString();
        }
        md.append("\n## Footer comments (").append(threads.footer().size()).append(")\n");
        threads.footer().forEach(c -> comment(md, threads.page().id(), c, content));
        md.append("\n## Inline comments (").append(threads.inline().size()).append(")\n");
        threads.inline().forEach(c -> comment(md, threads.page().id(), c, content));
        return content.finish(md.toString().stripTrailing());
    }

    private static void comment(StringBuilder md, String pageId, CommentThreads.Comment c, UntrustedText content) {
        md.append('\n').append(c.parentId() == null ? "" : "↳ reply to " + c.parentId() + " · ").append("**").append(
                c.author()).append("** · ").append(time(c.when())).append(" · comment ").append(c.id());
        if (c.resolution() != null) {
            md.append(" · ").append(c.resolution());
        }
        md.append('\n');
        String text = c.markdown();
        if (c.anchor() != null) {
            text = "On: \"" + c.anchor() + "\"\n" + text;
        }
        md.append(content.block("page " + pageId + " comment " + c.id(), text)).append('\n');
    }

    public static String inlineAdded(CommentThreads.InlineAdded added) {
        return "Added inline comment " + added.commentId() + " on \"" + added.selection() + "\" to page " + added
                .page().id() + " (" + added.page().title() + ").\nChange id: " + added.changeId()
                + " (confluence_undo_change deletes it)." + notes(added.notes());
    }

    public static String attachments(PageAttachments.Listed listed) {
        String page = "page " + listed.page().id() + " (" + listed.page().title() + ")";
        if (listed.attachments().isEmpty()) {
            return "No attachments on " + page + ".";
        }
        int count = listed.attachments().size();
        return count + (count == 1 ? " attachment" : " attachments") + " on " + page + " (read one with "
                + "confluence_read_attachment):\n\n" + Listing.table(List.of("Id", "File", "Type", "Size", "By",
                        "Added"),
                        listed.attachments().stream().map(a -> java.util.Arrays.asList(a.id(), a.title(), a
                                .mediaType(), AttachmentReader.size(a.size()), a.by(), time(a.when()))).toList());
    }

    /** A text attachment fenced as data, with a note when only its start is shown. */
    public static String attachmentText(PageAttachments.Read read, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        return content.finish("# " + OneLine.of(read.attachment().title()) + " (page " + read.page().id() + ", "
                + AttachmentReader
                        .size(read.attachment().size())
                + ")\n" + read.content().cutNote() + "\n"
                + content.block("page "
                        + read.page().id() + " attachment " + read.attachment().title(), read.content().text()));
    }

    public static String users(String query, List<ConfluenceUsers.Person> people) {
        if (people.isEmpty()) {
            return "Nobody in Confluence matches '" + query + "'.";
        }
        return people.size() + (people.size() == 1 ? " person matches '" : " people match '") + query + "':\n\n"
                + Listing.table(List.of("Name", "Id", "Email"), people.stream().map(p -> List.of(p.name(), p.id(), p
                        .email() == null ? "(hidden)" : p.email())).toList());
    }

    public static String undone(PageUndo.Undone undone) {
        return "Done: " + undone.what() + "." + notes(undone.notes());
    }

    private static String notes(List<String> notes) {
        return notes.isEmpty() ? "" : "\n" + String.join("\n", notes);
    }

    public static String commentAdded(CommentThreads.CommentAdded added) {
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
                    hit.excerpt(), hit.url()));
        }
        UntrustedText content = policy.newAnswer();
        return content.finish(summary + "\n\n" + content.block("Confluence search results", Listing.table(List.of(
                "Id", "Title", "Type", "Space", "Updated", "Excerpt", "URL"), rows)));
    }
}
