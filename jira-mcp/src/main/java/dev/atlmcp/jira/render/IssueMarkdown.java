package dev.atlmcp.jira.render;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.adf.AdfToMarkdown;
import dev.atlmcp.adf.Listing;
import dev.atlmcp.adf.OneLine;
import dev.atlmcp.adf.WikiToAdf;
import dev.atlmcp.platform.content.AttachmentReader;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.content.UntrustedText;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.ProjectDto;
import dev.atlmcp.jira.service.Attachments;
import dev.atlmcp.jira.service.IssueAdditions;
import dev.atlmcp.jira.service.IssueCreation;
import dev.atlmcp.jira.service.IssueDetails;
import dev.atlmcp.jira.service.IssueHierarchy;
import dev.atlmcp.jira.service.IssueLinks;
import dev.atlmcp.jira.service.IssueTransitions;
import dev.atlmcp.jira.service.IssueWrites;
import dev.atlmcp.jira.service.JiraService;
import dev.atlmcp.jira.service.JiraUndo;
import dev.atlmcp.jira.service.Sprints;

/** Compact Markdown for issues and search results; keys and user ids stay in the text for chaining. */
public final class IssueMarkdown {

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final int LATEST_COMMENTS = 5;
    /** Fields Jira returns on every issue that tell a reader nothing. */
    private static final Set<String> NOISE = Set.of("Rank", "Development");

    private IssueMarkdown() {
    }

    /** The default view of an issue. */
    public static String issue(IssueDto issue, ContentPolicy policy) {
        return issue(new IssueDetails.View(issue, Set.of(), null, null, null, null, null, null, null, null), policy);
    }

    /** The issue with people's text fenced as data, restricted comments and excluded fields left out. */
    public static String issue(IssueDetails.View view, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        IssueDto issue = view.issue();
        IssueDto.Fields f = issue.fields();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(issue.key()).append(": ").append(nullToEmpty(f.summary)).append('\n');
        md.append(join(" · ", name(f.issuetype), f.status == null ? null : f.status.name(), name(f.priority),
                f.project == null ? null : "project " + f.project.name())).append('\n');
        if (view.shownFields().isEmpty() || view.shownFields().contains("assignee")) {
            Listing.line(md, "Assignee", f.assignee == null ? "Unassigned" : user(f.assignee));
        }
        Listing.line(md, "Reporter", user(f.reporter));
        Listing.line(md, "Created", time(f.created));
        Listing.line(md, "Updated", time(f.updated));
        Listing.line(md, "Due", f.duedate);
        Listing.line(md, "Resolution", name(f.resolution));
        Listing.line(md, "Labels", f.labels == null || f.labels.isEmpty() ? null : String.join(", ", f.labels));
        Listing.line(md, "Components", names(f.components));
        Listing.line(md, "Fix versions", names(f.fixVersions));
        Listing.line(md, "Affects versions", names(f.versions));
        Listing.line(md, "Time tracking", timeTracking(f.timetracking));
        Listing.line(md, "Parent", parents(f, view.parents()));
        Listing.line(md, "Attachments",
                f.attachment == null || f.attachment.isEmpty() ? null : f.attachment.stream().map(
                        a -> a.filename() + " (" + a.id() + ")").collect(Collectors.joining(", ")));
        if (!policy.excluded("environment", "Environment")) {
            String environment = text(f.environment);
            if (environment != null && !environment.isBlank()) {
                fencedLine(md, "Environment", content.block("environment", environment));
            }
        }
        otherFields(md, f.other, issue.names(), view.shownFields(), policy, content);

        String description = text(f.description);
        if (description != null && !description.isBlank() && !policy.excluded("description", "Description")) {
            md.append("\n## Description\n").append(content.block("description", description))
                    .append('\n');
        }
        if (f.subtasks != null && !f.subtasks.isEmpty() || f.hiddenSubtasks > 0) {
            md.append("\n## Subtasks\n");
            f.subtasks.forEach(s -> md.append("- ").append(ref(s)).append('\n'));
            outside(md, f.hiddenSubtasks, "subtask", "subtasks");
        }
        if (f.issuelinks != null && !f.issuelinks.isEmpty() || f.hiddenLinks > 0) {
            md.append("\n## Links\n");
            for (IssueDto.Link link : f.issuelinks) {
                boolean outward = link.outwardIssue() != null;
                md.append("- ").append(outward ? link.type().outward() : link.type().inward()).append(' ')
                        .append(ref(outward ? link.outwardIssue() : link.inwardIssue())).append('\n');
            }
            outside(md, f.hiddenLinks, "link to an issue", "links to issues");
        }
        if (view.comments() != null) {
            allComments(md, view.comments(), policy, content);
        } else {
            comments(md, f.comment, policy, content);
        }
        included(md, view, content);
        return content.finish(md.toString().stripTrailing());
    }

    private static final String OUTSIDE_PARENT = "an issue outside the allowed projects";

    /** The parent, then its parents up to the top: {@code PAY-2 Wallets (In Progress) › PAY-1 PSD3 (In Progress)}. */
    private static String parents(IssueDto.Fields f, IssueHierarchy.Parents parents) {
        List<String> chain = new ArrayList<>();
        if (parents != null) {
            parents.chain().forEach(p -> chain.add(ref(p)));
        } else if (f.parent != null) {
            chain.add(ref(f.parent));
        }
        if (parents != null ? parents.outside() : f.hiddenParent > 0) {
            chain.add(OUTSIDE_PARENT);
        }
        return chain.isEmpty() ? null : String.join(" › ", chain);
    }

    /** The line that counts relations left out because their issues are outside the allowed projects. */
    private static void outside(StringBuilder md, int count, String one, String many) {
        if (count > 0) {
            md.append("- ").append(count).append(' ').append(count == 1 ? one : many).append(
                    " outside the allowed projects\n");
        }
    }

    /** The parts jira_get_issue's {@code include} asked for, after the comments. */
    private static void included(StringBuilder md, IssueDetails.View view, UntrustedText content) {
        String key = view.issue().key();
        if (view.transitions() != null) {
            IssueTransitions.Open open = view.transitions();
            md.append("\n## Transitions from ").append(open.status()).append('\n');
            md.append(open.transitions().isEmpty() ? "None open for this account." : transitionTable(open));
            md.append('\n');
        }
        if (view.changelog() != null) {
            history(md, key, view.changelog(), content);
        }
        if (view.worklogs() != null) {
            worklogs(md, key, view.worklogs(), content);
        }
        if (view.watchers() != null) {
            watchers(md, view.watchers());
        }
        if (view.remoteLinks() != null) {
            remoteLinks(md, key, view.remoteLinks(), content);
        }
        if (view.children() != null) {
            children(md, key, view.children(), content);
        }
    }

    /** The first children as a table; where there are more, the search that pages through them all. */
    private static void children(StringBuilder md, String key, IssueHierarchy.Children children,
            UntrustedText content) {
        JiraService.SearchPage page = children.page();
        md.append("\n## Child issues (");
        if (page.issues().isEmpty()) {
            md.append("none)\n");
            return;
        }
        md.append(page.nextCursor() == null ? String.valueOf(page.issues().size()) : "first " + page.issues().size()
                + "; the rest: jira_search with jql '" + children.jql() + "' and cursor " + page.nextCursor())
                .append(")\n");
        List<List<String>> rows = new ArrayList<>();
        PeopleLegend people = new PeopleLegend(page.issues(), true, false);
        for (IssueDto child : page.issues()) {
            IssueDto.Fields f = child.fields() == null ? new IssueDto.Fields() : child.fields();
            rows.add(List.of(child.key(), cell(f, "summary", people), cell(f, "status", people), cell(f,
                    "issuetype", people), cell(f, "assignee", people)));
        }
        md.append(content.block(key + " child issues", Listing.table(List.of("Key", "Summary", "Status", "Type",
                "Assignee"), rows) + people.legend())).append('\n');
    }

    private static void history(StringBuilder md, String key, JiraService.ChangelogPage page, UntrustedText content) {
        int shown = page.entries().size();
        String count = page.total() > shown
                ? "latest " + shown + " of " + page.total() + " changes, oldest first; jira_get_changelog pages "
                        + "through all"
                : page.total() + (page.total() == 1 ? " change" : " changes");
        md.append("\n## History (").append(count).append(")\n");
        if (shown > 0) {
            md.append(content.block(key + " history", historyTable(page))).append('\n');
        }
    }

    private static void watchers(StringBuilder md, JsonNode answer) {
        List<String> watchers = new ArrayList<>();
        for (JsonNode w : answer.path("watchers")) {
            String id = w.path(w.hasNonNull("accountId") ? "accountId" : "name").asText();
            watchers.add(w.path("displayName").asText() + " (" + id + ")");
        }
        int count = answer.path("watchCount").asInt(watchers.size());
        md.append("\n## Watchers (").append(count).append(")\n");
        if (!watchers.isEmpty()) {
            md.append(String.join(", ", watchers));
        } else {
            md.append(count == 0 ? "None." : "This account may not see who they are.");
        }
        md.append('\n');
    }

    /** Titles and addresses are people's text, so the list is fenced as data. */
    private static void remoteLinks(StringBuilder md, String key, JsonNode links, UntrustedText content) {
        md.append("\n## Remote links (").append(links.size()).append(")\n");
        if (links.isEmpty()) {
            return;
        }
        StringBuilder list = new StringBuilder();
        for (JsonNode link : links) {
            JsonNode object = link.path("object");
            list.append("- ").append(object.path("title").asText()).append(": ").append(object.path("url").asText())
                    .append(" (id ").append(link.path("id").asText()).append(")\n");
        }
        md.append(content.block(key + " remote links", list.toString().stripTrailing())).append('\n');
    }

    private static void worklogs(StringBuilder md, String key, JsonNode page, UntrustedText content) {
        List<List<String>> rows = new ArrayList<>();
        long seconds = 0;
        for (JsonNode w : page.path("worklogs")) {
            seconds += w.path("timeSpentSeconds").asLong();
            String started = nullToEmpty(time(w.path("started").asText(null)));
            String comment = nullToEmpty(text(w.get("comment"))).strip();
            rows.add(List.of(w.path("id").asText(), w.path("author").path("displayName").asText(""), started, w.path(
                    "timeSpent").asText(""), comment));
        }
        int total = page.path("total").asInt(rows.size());
        String count = total > rows.size() ? "first " + rows.size() + " of " + total : String.valueOf(total);
        md.append("\n## Worklogs (").append(count).append(rows.isEmpty() ? "" : ", " + duration(seconds) + " logged")
                .append(")\n");
        if (!rows.isEmpty()) {
            md.append(content.block(key + " worklogs", Listing.table(List.of("Id", "Who", "Started", "Spent",
                    "Comment"), rows))).append('\n');
        }
    }

    private static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return hours == 0 ? minutes + "m" : minutes == 0 ? hours + "h" : hours + "h " + minutes + "m";
    }

    private static void allComments(StringBuilder md, JiraService.CommentPage page, ContentPolicy policy,
            UntrustedText content) {
        List<IssueDto.Comment> shown = shown(page.comments(), policy);
        String count = page.nextCursor() == null ? "all " + shown.size()
                : "first " + page.comments().size() + " of " + page.total() + "; more: jira_get_comments with cursor=\""
                        + page.nextCursor() + "\"";
        md.append("\n## Comments (").append(count).append(")\n");
        hiddenNote(md, page.comments().size() - shown.size(), "");
        shown.forEach(c -> comment(md, c, content));
    }

    /** The result table, fenced as data as a whole: summaries are text written by people. */
    public static String searchResults(JiraService.SearchPage page, ContentPolicy policy) {
        return searchResults(page, List.of(new JiraService.SelectedField("summary", "Summary"),
                new JiraService.SelectedField("status", "Status"), new JiraService.SelectedField("issuetype", "Type"),
                new JiraService.SelectedField("priority", "Priority"), new JiraService.SelectedField("assignee",
                        "Assignee"),
                new JiraService.SelectedField("updated", "Updated")), policy);
    }

    /** The result table with a column per field after the key; long text is cut to one short line. */
    public static String searchResults(JiraService.SearchPage page, List<JiraService.SelectedField> columns,
            ContentPolicy policy) {
        String summary = Listing.summary(page.issues().size(), page.total(), "issue", "issues", page.nextCursor());
        if (page.issues().isEmpty()) {
            return summary;
        }
        UntrustedText content = policy.newAnswer();
        List<String> headers = new ArrayList<>(List.of("Key"));
        columns.forEach(c -> headers.add(c.name()));
        List<List<String>> rows = new ArrayList<>();
        PeopleLegend people = new PeopleLegend(page.issues(), shown(columns, "assignee", policy), shown(columns,
                "reporter", policy));
        for (IssueDto issue : page.issues()) {
            IssueDto.Fields f = issue.fields() == null ? new IssueDto.Fields() : issue.fields();
            List<String> row = new ArrayList<>(List.of(issue.key()));
            columns.forEach(c -> row.add(policy.excluded(c.id(), c.name()) ? "(excluded by policy)" : cell(f, c
                    .id(), people)));
            rows.add(row);
        }
        return content.finish(summary + "\n\n" + content.block("Jira search results", Listing.table(headers, rows)
                + people.legend()));
    }

    private static boolean shown(List<JiraService.SelectedField> columns, String id, ContentPolicy policy) {
        return columns.stream().anyMatch(c -> c.id().equals(id) && !policy.excluded(c.id(), c.name()));
    }

    private static final int CELL_CHARS = 160;

    private static String cell(IssueDto.Fields f, String id, PeopleLegend people) {
        String value = switch (id) {
        case "summary" -> f.summary;
        case "status" -> f.status == null ? null : f.status.name();
        case "issuetype" -> name(f.issuetype);
        case "priority" -> name(f.priority);
        case "resolution" -> name(f.resolution);
        case "project" -> f.project == null ? null : f.project.key();
        case "assignee" -> f.assignee == null ? "Unassigned" : people.cell(f.assignee);
        case "reporter" -> people.cell(f.reporter);
        case "created" -> time(f.created);
        case "updated" -> time(f.updated);
        case "duedate" -> f.duedate;
        case "labels" -> f.labels == null ? null : String.join(", ", f.labels);
        case "components" -> names(f.components);
        case "fixVersions" -> names(f.fixVersions);
        case "parent" -> f.parent != null ? f.parent.key() : f.hiddenParent > 0 ? OUTSIDE_PARENT : null;
        case "description" -> text(f.description);
        case "environment" -> text(f.environment);
        case "subtasks" -> f.subtasks == null ? null : java.util.stream.Stream.concat(f.subtasks.stream().map(
                IssueDto.IssueRef::key),
                f.hiddenSubtasks > 0 ? java.util.stream.Stream.of(f.hiddenSubtasks
                        + " outside the allowed projects") : java.util.stream.Stream.empty())
                .collect(Collectors
                        .joining(", "));
        case "attachment" -> f.attachment == null ? null : f.attachment.stream().map(IssueDto.Attachment::filename)
                .collect(Collectors.joining(", "));
        case "comment" -> f.comment == null ? null
                : (f.comment.total() == null ? f.comment.comments().size() : f.comment
                        .total()) + " comments";
        default -> fieldValue(f.other.get(id));
        };
        if (value == null) {
            return "";
        }
        return value.length() <= CELL_CHARS ? value : value.substring(0, CELL_CHARS - 1) + "…";
    }

    /**
     * Custom fields, and other fields a caller selected, by display name; multi-line text (rich text fields) is fenced
     * as data, anything else stays {@link OneLine one line of plain text}, like a summary.
     */
    private static void otherFields(StringBuilder md, Map<String, JsonNode> other,
            Map<String, String> names, Set<String> selected, ContentPolicy policy, UntrustedText content) {
        for (Map.Entry<String, JsonNode> field : other.entrySet()) {
            if (!field.getKey().startsWith("customfield_") && !selected.contains(field.getKey())) {
                continue;
            }
            String value = fieldValue(field.getValue());
            String label = OneLine.of(names == null ? field.getKey() : names.getOrDefault(field.getKey(), field
                    .getKey()));
            if (value == null || value.isBlank() || NOISE.contains(label) || policy.excluded(field.getKey(), label)) {
                continue;
            }
            if (value.contains("\n")) {
                fencedLine(md, label, content.block(label, value));
            } else {
                Listing.line(md, label, value);
            }
        }
    }

    private static String fieldValue(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.has("type") && "doc".equals(value.path("type").asText())) {
            return AdfToMarkdown.render(value);
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(fieldValue(v)));
            return parts.stream().filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
        }
        for (String key : List.of("value", "name", "displayName", "key")) {
            if (value.hasNonNull(key)) {
                return value.get(key).asText();
            }
        }
        return null;
    }

    private static void comments(StringBuilder md, IssueDto.Comments comments, ContentPolicy policy,
            UntrustedText content) {
        if (comments == null || comments.comments() == null || comments.comments().isEmpty()) {
            return;
        }
        List<IssueDto.Comment> all = shown(comments.comments(), policy);
        int hidden = comments.comments().size() - all.size();
        int total = (comments.total() == null ? comments.comments().size() : comments.total()) - hidden;
        List<IssueDto.Comment> latest = all.subList(Math.max(0, all.size() - LATEST_COMMENTS), all.size());
        md.append("\n## Comments (").append(total == latest.size() ? String.valueOf(total) : "latest "
                + latest.size() + " of " + total).append(")\n");
        hiddenNote(md, hidden, "");
        latest.forEach(c -> comment(md, c, content));
    }

    /** The fence names the comment: {@code comment 10001 by Jane Doe, 2026-12-01 09:30 UTC}. */
    private static void comment(StringBuilder md, IssueDto.Comment c, UntrustedText content) {
        String author = c.author() == null ? "Unknown" : c.author().displayName();
        md.append(content.block("comment " + c.id() + " by " + author + ", " + time(c.created()),
                nullToEmpty(text(c.body())))).append('\n');
    }

    /** A page of comments, oldest first, restricted ones left out unless the policy shows them. */
    public static String comments(JiraService.CommentPage page, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        List<IssueDto.Comment> shown = shown(page.comments(), policy);
        StringBuilder md = new StringBuilder("# Comments on ").append(page.issueKey()).append('\n').append(Listing
                .summary(page.comments().size(), page.total(), "comment", "comments", page.nextCursor())).append('\n');
        hiddenNote(md, page.comments().size() - shown.size(), " on this page");
        shown.forEach(c -> comment(md, c, content));
        return content.finish(md.toString());
    }

    /** The comments the policy lets through: restricted ones only if it shows them. */
    private static List<IssueDto.Comment> shown(List<IssueDto.Comment> comments, ContentPolicy policy) {
        return comments.stream().filter(c -> policy.showRestrictedComments() || !c.restricted()).toList();
    }

    /** Says how many restricted comments were left out, if any; {@code where} is e.g. " on this page". */
    private static void hiddenNote(StringBuilder md, int hidden, String where) {
        if (hidden > 0) {
            md.append(hidden).append(hidden == 1 ? " restricted comment" : " restricted comments").append(where)
                    .append(" not shown (limited to a role or group, or internal to the service desk).\n");
        }
    }

    /** ADF on Cloud; wiki markup (a string) on Data Center, read into ADF first so both render the same way. */
    private static String text(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        return AdfToMarkdown.render(body.isTextual() ? WikiToAdf.convert(body.asText()) : body);
    }

    private static String ref(IssueDto.IssueRef ref) {
        if (ref.fields() == null) {
            return ref.key();
        }
        return ref.key() + " " + nullToEmpty(ref.fields().summary()) + (ref.fields().status() == null ? ""
                : " (" + ref.fields().status().name() + ")");
    }

    public static String commentAdded(IssueWrites.CommentWritten added) {
        IssueDto.User author = added.comment().author();
        return "Added comment " + added.comment().id() + " to " + added.issueKey() + (author == null ? ""
                : " as " + user(author)) + ".\n" + changeLine(added.changeId()) + notes(added.notes());
    }

    public static String commentEdited(IssueWrites.CommentWritten edited) {
        return "Edited comment " + edited.comment().id() + " on " + edited.issueKey() + ".\n" + changeLine(edited
                .changeId()) + notes(edited.notes());
    }

    public static String issueUpdated(IssueWrites.IssueUpdated updated) {
        return "Changed " + String.join(", ", updated.fields()) + " of " + updated.issueKey() + ".\n" + changeLine(
                updated.changeId()) + notes(updated.notes());
    }

    public static String created(IssueCreation.Created created) {
        if (created.existing()) {
            return created.key() + " already exists: an identical earlier request (label " + created.requestLabel()
                    + ") created it, so nothing new was created. Read it with jira_get_issue.";
        }
        return "Created " + created.key() + ", " + created.what() + ": " + created.summary() + "\n" + changeLine(
                created.changeId()) + "\nCalling again with the same arguments returns " + created.key()
                + " instead of creating a duplicate." + notes(created.notes());
    }

    public static String users(String query, List<IssueDto.User> users) {
        if (users.isEmpty()) {
            return "No active Jira user matches '" + query + "'.";
        }
        return users.size() + " people match '" + query + "':\n\n" + Listing.table(List.of("Name", "Id", "Email"),
                users.stream().map(u -> List.of(nullToEmpty(u.displayName()), nullToEmpty(u.id()),
                        u.emailAddress() == null ? "(hidden)" : u.emailAddress())).toList());
    }

    /** The history as a table, oldest first; values are people's text, so the table is fenced as data. */
    public static String attachments(IssueDto issue) {
        List<IssueDto.Attachment> all = issue.fields().attachment == null ? List.of() : issue.fields().attachment;
        if (all.isEmpty()) {
            return issue.key() + " has no attachments.";
        }
        return all.size() + (all.size() == 1 ? " attachment" : " attachments") + " on " + issue.key() + " (read one "
                + "with jira_read_attachment):\n\n" + Listing.table(List.of("Id", "File", "Type", "Size", "By",
                        "Added"),
                        all.stream().map(a -> List.of(nullToEmpty(a.id()), nullToEmpty(a.filename()),
                                nullToEmpty(a.mimeType()), size(a.size()), a.author() == null ? "" : nullToEmpty(a
                                        .author().displayName()),
                                nullToEmpty(time(a.created())))).toList());
    }

    /** A text attachment fenced as data, with a note when only its start is shown. */
    public static String attachmentText(Attachments.Read read, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        IssueDto.Attachment a = read.attachment();
        return content.finish("# " + OneLine.of(a.filename()) + " (" + read.issueKey() + ", " + size(a.size()) + ")\n"
                + read
                        .content().cutNote()
                + "\n"
                + content.block(read.issueKey() + " attachment " + a.filename(), read
                        .content().text()));
    }

    private static String size(Long bytes) {
        return bytes == null ? "" : AttachmentReader.size(bytes);
    }

    public static String changelog(JiraService.ChangelogPage page, ContentPolicy policy) {
        String summary = Listing.summary(page.entries().size(), page.total(), "change", "changes", page.nextCursor());
        if (page.entries().isEmpty()) {
            return "# Changes to " + page.issueKey() + "\n" + summary;
        }
        UntrustedText content = policy.newAnswer();
        return content.finish("# Changes to " + page.issueKey() + " (oldest first)\n" + summary + "\n\n" + content
                .block(page.issueKey() + " history", historyTable(page)));
    }

    private static String historyTable(JiraService.ChangelogPage page) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode entry : page.entries()) {
            for (JsonNode item : entry.path("items")) {
                rows.add(java.util.Arrays.asList(time(entry.path("created").asText(null)), entry.path("author").path(
                        "displayName").asText(""), item.path("field").asText(), item.path("fromString").asText(""),
                        item.path("toString").asText("")));
            }
        }
        return Listing.table(List.of("When", "Who", "Field", "From", "To"), rows);
    }

    public static String fields(String query, List<JsonNode> fields) {
        if (fields.isEmpty()) {
            return "No field matches '" + query + "'.";
        }
        return fields.size() + (fields.size() == 1 ? " field" : " fields") + (query == null || query.isBlank() ? ""
                : (fields.size() == 1 ? " matches '" : " match '") + query + "'") + ":\n\n"
                + Listing.table(List.of("Id", "Name", "Type", "Custom"),
                        fields
                                .stream()
                                .map(f -> List.of(f.path("id").asText(), f.path("name").asText(), f.path("schema")
                                        .path("type").asText(""), f.path("custom").asBoolean() ? "yes" : "no"))
                                .toList());
    }

    public static String createScreen(IssueCreation.CreateScreen screen) {
        List<List<String>> rows = new ArrayList<>();
        screen.fields().fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            List<String> allowed = new ArrayList<>();
            f.path("allowedValues").forEach(v -> allowed.add(v.path("name").asText(v.path("value").asText())));
            rows.add(List.of(e.getKey(), f.path("name").asText(), f.path("required").asBoolean() && !f.path(
                    "hasDefaultValue").asBoolean() ? "required" : "optional", f.path("schema").path("type").asText(""),
                    String.join(", ", allowed)));
        });
        return "Fields for creating " + IssueCreation.withArticle(screen.issueType()) + " in " + screen.project()
                + " (project and issue type "
                + "are set for you):\n\n" + Listing.table(List.of("Id", "Name", "Required", "Type",
                        "Allowed values"), rows);
    }

    public static String projects(List<ProjectDto> projects) {
        if (projects.isEmpty()) {
            return "No projects are visible to this account within this server's policy.";
        }
        return projects.size() + (projects.size() == 1 ? " project" : " projects") + ":\n\n" + Listing.table(List.of(
                "Key", "Name", "Type", "Id"),
                projects.stream().map(p -> List.of(p.key(), nullToEmpty(p.name()),
                        nullToEmpty(p.projectTypeKey()), nullToEmpty(p.id()))).toList());
    }

    public static String project(ProjectDto project) {
        StringBuilder md = new StringBuilder("# ").append(project.key()).append(": ").append(project.name()).append(
                '\n');
        Listing.line(md, "Lead", user(project.lead()));
        Listing.line(md, "Type", project.projectTypeKey());
        Listing.line(md, "Issue types",
                project.issueTypes() == null ? null : String.join(", ", project.issueTypes().stream()
                        .map(t -> t.name() + " (" + t.id() + ")").toList()));
        Listing.line(md, "Components",
                project.components() == null || project.components().isEmpty() ? null : String.join(
                        ", ", project.components().stream().map(ProjectDto.Component::name).toList()));
        Listing.line(md, "Versions",
                project.versions() == null || project.versions().isEmpty() ? null : String.join(", ",
                        project.versions().stream()
                                .map(v -> v.name() + (Boolean.TRUE.equals(v.released()) ? " (released)"
                                        : ""))
                                .toList()));
        return md.toString();
    }

    public static String transitions(IssueTransitions.Open open) {
        if (open.transitions().isEmpty()) {
            return open.issueKey() + " is " + open.status() + "; no transition is open from there for this account.";
        }
        return open.issueKey() + " is " + open.status() + ". Open transitions:\n\n" + transitionTable(open);
    }

    private static String transitionTable(IssueTransitions.Open open) {
        List<List<String>> rows = open.transitions().stream().map(t -> List.of(t.id(), t.name(), t.to(), t.fields()
                .isEmpty() ? "" : String.join("; ", t.fields()))).toList();
        return Listing.table(List.of("Id", "Transition", "To status", "Fields on its screen"), rows);
    }

    public static String moved(IssueTransitions.Moved moved) {
        return "Moved " + moved.issueKey() + " from " + moved.from() + " to " + moved.to() + ".\n" + changeLine(moved
                .changeId()) + notes(moved.notes());
    }

    public static String linkTypes(List<IssueLinks.LinkType> types) {
        return "Link types (say a link as \"<issue> <phrase> <other issue>\"):\n\n" + Listing.table(List.of("Name",
                "Outward phrase", "Inward phrase"),
                types.stream().map(t -> List.of(t.name(), t.outward(), t
                        .inward())).toList());
    }

    public static String linked(IssueLinks.Linked linked) {
        return "Linked: " + linked.sentence() + "." + (linked.changeId() == null ? "" : "\n" + changeLine(linked
                .changeId())) + notes(linked.notes());
    }

    public static String createdAll(List<IssueCreation.ItemResult> results) {
        long made = results.stream().filter(r -> r.created() != null && !r.created().existing()).count();
        long existing = results.stream().filter(r -> r.created() != null && r.created().existing()).count();
        long failed = results.stream().filter(r -> r.error() != null).count();
        List<List<String>> rows = results.stream().map(r -> List.of(String.valueOf(r.index() + 1),
                r.summary() == null ? "" : r.summary(),
                r.error() != null ? "not created: " + r.error() : r.created().existing()
                        ? "already existed: " + r.created().key() : "created " + r.created().key() + ", change id "
                                + r.created().changeId()))
                .toList();
        return "Created " + made + ", already existed " + existing + ", failed " + failed + ". Calling again with the "
                + "same arguments creates only what is missing.\n\n" + Listing.table(List.of("#", "Summary",
                        "Result"), rows)
                + results.stream().filter(r -> r.created() != null).flatMap(r -> r.created()
                        .notes().stream()).distinct().map(n -> "\n" + n).reduce("", String::concat);
    }

    public static String added(IssueAdditions.Added added) {
        return "Done: " + added.sentence() + ".\n" + changeLine(added.changeId()) + notes(added.notes());
    }

    public static String boards(List<Sprints.Board> boards) {
        if (boards.isEmpty()) {
            return "No boards you can see.";
        }
        return boards.size() + (boards.size() == 1 ? " board" : " boards") + ":\n\n" + Listing.table(List.of("Id",
                "Name", "Type", "Project"),
                boards.stream().map(b -> List.of(b.id(), b.name(), b.type(), nullToEmpty(b
                        .project()))).toList());
    }

    public static String sprints(List<Sprints.Sprint> sprints) {
        if (sprints.isEmpty()) {
            return "No sprints in that state on this board.";
        }
        return sprints.size() + (sprints.size() == 1 ? " sprint" : " sprints") + ":\n\n" + Listing.table(List.of(
                "Id", "Name", "State", "Start", "End", "Goal"),
                sprints.stream().map(s -> List.of(s.id(), s.name(), s
                        .state(), s.start() == null ? "" : s.start().substring(0, 10),
                        s.end() == null ? "" : s.end()
                                .substring(0, 10),
                        s.goal())).toList());
    }

    public static String moved(Sprints.Moved moved) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < moved.issueKeys().size(); i++) {
            rows.add(List.of(moved.issueKeys().get(i), moved.changeIds().get(i)));
        }
        return "Moved " + String.join(", ", moved.issueKeys()) + " to " + moved.target() + ". jira_undo_change with "
                + "an issue's change id moves it back.\n\n" + Listing.table(List.of("Issue", "Change id"), rows)
                + notes(moved.notes());
    }

    public static String undone(JiraUndo.Undone undone) {
        return "Done: " + undone.what() + "." + notes(undone.notes());
    }

    private static String changeLine(String changeId) {
        return "Change id: " + changeId + " (jira_undo_change reverts it while nobody has changed it since).";
    }

    private static String notes(List<String> notes) {
        return notes.isEmpty() ? "" : "\n" + String.join("\n", notes);
    }

    private static String user(IssueDto.User user) {
        return user == null ? null : user.displayName() + " (" + user.id() + ")";
    }

    private static String name(IssueDto.Named named) {
        return named == null ? null : named.name();
    }

    /** {@code 2d estimated, 4h logged, 1d 4h remaining}: the parts Jira has. */
    private static String timeTracking(IssueDto.TimeTracking tracking) {
        if (tracking == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (tracking.originalEstimate() != null) {
            parts.add(tracking.originalEstimate() + " estimated");
        }
        if (tracking.timeSpent() != null) {
            parts.add(tracking.timeSpent() + " logged");
        }
        if (tracking.remainingEstimate() != null) {
            parts.add(tracking.remainingEstimate() + " remaining");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String names(List<IssueDto.Named> named) {
        return named == null || named.isEmpty() ? null
                : named.stream().map(IssueDto.Named::name).collect(Collectors.joining(", "));
    }

    static String time(String jiraTime) {
        if (jiraTime == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(jiraTime, JIRA_TIME).withOffsetSameInstant(ZoneOffset.UTC).format(SHOWN);
        } catch (DateTimeParseException e) {
            return jiraTime;
        }
    }

    /** {@code label:} and below it a multi-line value, fenced as data. */
    private static void fencedLine(StringBuilder md, String label, String fenced) {
        md.append(label).append(": \n").append(fenced).append('\n');
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
