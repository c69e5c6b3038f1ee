package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.confluence.client.ConfluenceSite;

/** A page's labels: read them, add some (recorded, so an undo removes the ones added). */
@ApplicationScoped
public class PageLabels {

    static final int MAX_LABELS = 20;
    private static final int LIMIT = 200;

    /** The labels added to a page, and those it already had. */
    public record Added(PageView page, List<String> added, List<String> already, String changeId,
            List<String> notes) {
    }

    private final ConfluenceService confluence;
    private final ConfluenceSite site;
    private final WritePipeline pipeline;
    private final ConfluenceProperties properties;

    PageLabels(ConfluenceService confluence, ConfluenceSite site,
            WritePipeline pipeline, ConfluenceProperties properties) {
        this.confluence = confluence;
        this.site = site;
        this.pipeline = pipeline;
        this.properties = properties;
    }

    /** A page and all its labels (the page view carries only the first ones on Cloud). */
    public record Labelled(PageView page, List<String> labels) {
    }

    public Labelled labels(String pageId) {
        PageView page = confluence.page(pageId);
        JsonNode found = site.labels(page.id(), LIMIT);
        List<String> labels = new ArrayList<>();
        found.path("results").forEach(l -> labels.add(l.path("name").asText()));
        return new Labelled(page, labels);
    }

    public Added add(String pageId, List<String> wanted, boolean dryRun, String confirmationToken) {
        Set<String> labels = validated(wanted);
        PageView page = confluence.page(pageId);
        pipeline.requireOwner("page " + page.id(), "pages you created", Collections.singletonList(page.creatorId()));
        List<String> already = labels.stream().filter(page.labels()::contains).toList();
        List<String> added = labels.stream().filter(l -> !page.labels().contains(l)).toList();
        if (added.isEmpty()) {
            return new Added(page, added, already, null, List.of());
        }
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        added.forEach(l -> body.addObject().put("prefix", "global").put("name", l));
        String what = "add label " + String.join(", ", added) + " to page " + page.id() + " (" + page.title() + ")";
        pipeline.approve(
                new WriteGate.Write("confluence_add_labels", what, "POST",
                        site.contentApi() + "/" + page.id() + "/label", body,
                        () -> properties.withChangeRecords(page.id(),
                                String.join(",", page.labels()))),
                dryRun, confirmationToken);
        pipeline.sendApproved(what, "read the page's labels with confluence_get_labels",
                () -> site.addLabels(page.id(), body));
        ArrayNode after = JsonNodeFactory.instance.arrayNode();
        added.forEach(after::add);
        AgentChange change = pipeline.start("confluence_add_labels", "labels-added", page.id(), what, null,
                JsonNodeFactory.instance.objectNode().set("labels", after));
        List<String> notes = new ArrayList<>();
        properties.keep(change, "The labels were added", "").ifPresent(notes::add);
        return new Added(page, added, already, change.id(), notes);
    }

    /** Confluence labels are lower case and have no spaces. */
    private static Set<String> validated(List<String> wanted) {
        if (wanted == null || wanted.isEmpty() || wanted.size() > MAX_LABELS) {
            throw new IllegalArgumentException("labels must hold 1 to " + MAX_LABELS + " labels, e.g. "
                    + "[\"runbook\", \"payments\"]");
        }
        Set<String> labels = new LinkedHashSet<>();
        for (String label : wanted) {
            String name = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
            if (!name.matches("[^\\s:,!#&()\\[\\]^]{1,255}")) {
                throw new IllegalArgumentException("'" + label + "' is not a valid label: a label is one word "
                        + "without spaces or any of : , ! # & ( ) [ ] ^");
            }
            labels.add(name);
        }
        return labels;
    }
}
