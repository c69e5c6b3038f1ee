package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;

/**
 * Issue links, said the way people say them: "OPS-1 blocks OPS-2", "PAY-3 is caused by PAY-2", "WEB-4 relates to
 * WEB-5". The phrase picks the link type and its direction. An undo deletes the link.
 */
@ApplicationScoped
public class IssueLinks {

    /** A link type: name and its two phrases. */
    public record LinkType(String id, String name, String outward, String inward) {
    }

    /** A link just made, its change id, and notes on what went wrong around it. */
    public record Linked(String sentence, String changeId, List<String> notes) {
    }

    private final JiraService jira;
    private final JiraSite site;
    private final WritePipeline pipeline;
    private final IssueWrites writes;

    IssueLinks(JiraService jira, JiraSite site, WritePipeline pipeline, IssueWrites writes) {
        this.jira = jira;
        this.site = site;
        this.pipeline = pipeline;
        this.writes = writes;
    }

    public List<LinkType> types() {
        List<LinkType> types = new ArrayList<>();
        site.linkTypes().path("issueLinkTypes").forEach(t -> types.add(new LinkType(t.path("id")
                .asText(), t.path("name").asText(), t.path("outward").asText(), t.path("inward").asText())));
        return types;
    }

    /**
     * Links {@code key} to {@code otherKey} as {@code relation} says: a link type name or either of its phrases. The
     * issue the outward phrase is said of goes as {@code inwardIssue} [UNVERIFIED against a live site: Jira's
     * documentation does not say which side of the request the outward phrase belongs to].
     */
    public Linked link(String key, String relation, String otherKey, boolean dryRun, String confirmationToken) {
        String wanted = Arguments.text("relation", relation, 100, "blocks").trim().toLowerCase(Locale.ROOT);
        IssueDto issue = writes.writable(key, "project,updated");
        IssueDto other = writes.writable(otherKey, "project");
        List<LinkType> types = types();
        LinkType type = null;
        boolean outward = true;
        for (LinkType t : types) {
            if (t.outward().equalsIgnoreCase(wanted) || t.name().equalsIgnoreCase(wanted)) {
                type = t;
                outward = true;
                break;
            }
            if (t.inward().equalsIgnoreCase(wanted)) {
                type = t;
                outward = false;
            }
        }
        if (type == null) {
            throw new IllegalArgumentException("'" + relation + "' is not a link type or phrase here. Use one of: "
                    + String.join("; ", types.stream().map(t -> t.name() + " (" + t.outward() + (t.inward().equals(t
                            .outward()) ? "" : " / " + t.inward()) + ")").toList())
                    + ".");
        }
        String sentence = issue.key() + " " + (outward ? type.outward() : type.inward()) + " " + other.key();
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.putObject("type").put("name", type.name());
        request.putObject("inwardIssue").put("key", outward ? issue.key() : other.key());
        request.putObject("outwardIssue").put("key", outward ? other.key() : issue.key());
        pipeline.approve(new WriteGate.Write("jira_link_issues", "link " + sentence, "POST", site.api() + "/issueLink",
                request, () -> issue.fields().updated), dryRun, confirmationToken);
        pipeline.sendApproved("link " + sentence, "read " + issue.key() + " with jira_get_issue and look at its links",
                () -> {
                    site.linkIssues(request);
                    return null;
                });
        List<String> notes = new ArrayList<>();
        Optional<String> linkId = newestLink(issue.key(), type.name(), other.key(), outward);
        if (linkId.isEmpty()) {
            notes.add("The link was made, but it could not be found on " + issue.key() + " afterwards, so it cannot "
                    + "be undone from here.");
            return new Linked(sentence, null, notes);
        }
        AgentChange change = pipeline.start("jira_link_issues", "issues-linked", issue.key(), "link " + sentence, null,
                JsonNodeFactory.instance.objectNode().put("linkId", linkId.get()).put("sentence", sentence));
        writes.keep(change, "The link was made").ifPresent(notes::add);
        return new Linked(sentence, change.id(), notes);
    }

    /** The id of the newest link of this type between the two issues, seen from {@code key}. */
    private Optional<String> newestLink(String key, String type, String otherKey, boolean outward) {
        List<IssueDto.Link> links = jira.readable(key, "issuelinks", null).fields().issuelinks;
        return (links == null ? List.<IssueDto.Link> of() : links).stream().filter(l -> l.type() != null && type
                .equals(l.type().name())).filter(l -> {
                    IssueDto.IssueRef ref = outward ? l.outwardIssue() : l.inwardIssue();
                    return ref != null && otherKey.equals(ref.key());
                }).map(IssueDto.Link::id).max(Comparator.comparingLong(Long::parseLong));
    }

    /** Deletes the link a change made, if it is still there. */
    JiraUndo.Undone undo(AgentChange change, IssueDto issue, boolean dryRun, String confirmationToken) {
        String linkId = change.after().path("linkId").asText();
        List<IssueDto.Link> links = jira.readable(issue.key(), "issuelinks", null).fields().issuelinks;
        if (links == null || links.stream().noneMatch(l -> linkId.equals(l.id()))) {
            throw new ToolRefusal("The link of change " + change.id() + " (" + change.after().path("sentence")
                    .asText() + ") is gone already. Nothing was changed.");
        }
        String what = "undo " + change.id() + " (remove the link " + change.after().path("sentence").asText() + ")";
        pipeline.approve(new WriteGate.Write("jira_undo_change", what, "DELETE", site.api() + "/issueLink/" + linkId,
                null, () -> issue.fields().updated), dryRun, confirmationToken);
        pipeline.sendApproved(what, "read " + issue.key() + " with jira_get_issue and look at its links", () -> {
            site.deleteLink(linkId);
            return null;
        });
        AgentChange undone = pipeline.undone(change);
        List<String> notes = new ArrayList<>();
        notes.addAll(writes.markUndone(undone, "The link was removed"));
        return new JiraUndo.Undone(change.id(), what, notes);
    }
}
