package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.adf.AdfToMarkdown;
import dev.atlmcp.adf.MarkdownToAdf;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.changes.CreateRequests;
import dev.atlmcp.platform.changes.RequestFingerprint;
import dev.atlmcp.platform.content.SecretMasker;
import dev.atlmcp.platform.atlassian.ErrorMessages;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.auth.identity.IdentityMapper;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.confluence.client.ConfluenceSite;

/**
 * New pages, written in Markdown. A page carries the fingerprint of the request that created it (caller and arguments),
 * so a retry whose first answer was lost finds the page instead of failing on its title or creating another.
 */
@ApplicationScoped
public class PageCreation {

    static final String REQUEST_PROPERTY = "atlmcp.request";
    private static final int MAX_BODY = 1_000_000;

    /** A page created, or found already created by an identical request ({@code existing}). */
    public record Created(String id, String title, String spaceKey, String url, boolean existing, String changeId,
            List<String> notes) {
    }

    private final SpaceBrowser browser;
    private final ConfluenceService confluence;
    private final ConfluenceSite site;
    private final WritePipeline pipeline;
    private final ConfluenceProperties properties;
    private final AgentMark mark;
    private final IdentityMapper identity;
    private final CreateRequests requests;

    PageCreation(SpaceBrowser browser, ConfluenceService confluence, ConfluenceSite site, WritePipeline pipeline,
            ConfluenceProperties properties,
            AgentMark mark, IdentityMapper identity,
            CreateRequests requests) {
        this.requests = requests;
        this.browser = browser;
        this.confluence = confluence;
        this.site = site;
        this.pipeline = pipeline;
        this.properties = properties;
        this.mark = mark;
        this.identity = identity;
    }

    /**
     * @param parentId
     *            the page to create it under, or null for under the space's home page
     */
    public Created create(String spaceKey, String title, String markdown, String parentId, boolean dryRun,
            String confirmationToken) {
        String name = Arguments.text("title", title, 255, "Runbook: checkout-api latency");
        String text = Arguments.text("body", markdown, MAX_BODY, "## Steps\n1. Restart the consumer");
        SecretMasker.refuseMaskedValues("body", text);
        SpaceBrowser.Space space = browser.space(spaceKey);
        String parent = parentId == null || parentId.isBlank() ? space.homepageId() : parentOf(space, parentId);
        String fingerprint = RequestFingerprint.of(identity.caller().subject(), null, space.key(), name, text,
                parent);
        ObjectNode adf = MarkdownToAdf.convert(text);
        Optional<String> same = browser.pageTitled(space, name);
        if (same.isPresent()) {
            return existing(space, name, same.get(), fingerprint, adf);
        }
        ObjectNode request = request(space, name, parent, adf);
        String what = "create page '" + name + "' in space " + space.key();
        pipeline.approve(
                new WriteGate.Write("confluence_create_page", what, "POST", site.pagesPath(), request, () -> "absent"),
                dryRun, confirmationToken);
        return requests.shared(fingerprint, () -> {
            try {
                return send(space, name, request, what, fingerprint);
            } catch (AtlassianException refused) {
                // An identical request on another replica may have made the page since the lookup above: Confluence
                // then refuses this one for its title, and the page is this request's own.
                if (refused.status() != 400 && refused.status() != 409) {
                    throw refused;
                }
                return browser.pageTitled(space, name).map(id -> existing(space, name, id, fingerprint, adf))
                        .orElseThrow(() -> refused);
            }
        }, first -> new Created(first.id(), first.title(), first.spaceKey(), first.url(), true, null, List.of()));
    }

    private Created send(SpaceBrowser.Space space, String name, ObjectNode request, String what, String fingerprint) {
        JsonNode created = pipeline.sendApproved(what, "call confluence_create_page again with the same arguments: it "
                + "finds the page if it was created instead of creating another",
                () -> site.createPage(request));
        String id = created.path("id").asText();
        List<String> notes = new ArrayList<>();
        try {
            properties.create(id, REQUEST_PROPERTY, JsonNodeFactory.instance.textNode(fingerprint));
        } catch (RuntimeException e) {
            notes.add("The page was created, but the mark that lets a retry recognise it could not be saved: "
                    + ErrorMessages.describe(e, false).message());
        }
        AgentChange change = pipeline.start("confluence_create_page", "page-created", id, what, null,
                JsonNodeFactory.instance.objectNode().put("title", name).put("space", space.key()));
        properties.keep(change, "The page was created", "").ifPresent(notes::add);
        mark.mark(id, "The page was created").ifPresent(notes::add);
        String url = created.path("_links").path("webui").asText(null);
        return new Created(id, name, space.key(), url == null ? null : confluence.absoluteUrl(url), false, change
                .id(), notes);
    }

    private String parentOf(SpaceBrowser.Space space, String parentId) {
        PageView parent = confluence.page(parentId);
        if (!space.key().equals(parent.spaceKey())) {
            throw new IllegalArgumentException("parent_id " + parent.id() + " is a page in space "
                    + parent.spaceKey() + ", not in " + space.key() + "; a page and its parent share a space");
        }
        return parent.id();
    }

    /**
     * A page with the title exists. It is this request's own when it carries the request's fingerprint, or, when the
     * answer to the create was lost before the fingerprint was stored, when it is still at version 1 with the same
     * content. Anything else is someone else's page.
     */
    private Created existing(SpaceBrowser.Space space, String title, String id, String fingerprint, ObjectNode adf) {
        PageView page = confluence.page(id);
        boolean marked = properties.read(id, REQUEST_PROPERTY).map(p -> fingerprint.equals(p.value().asText()))
                .orElse(false);
        boolean same = page.version() == 1 && AdfToMarkdown.render(page.body()).strip().equals(AdfToMarkdown.render(
                adf).strip());
        if (!marked && !same) {
            throw new ToolRefusal("A page titled '" + title + "' already exists in space " + space.key() + " (page "
                    + id + "). Nothing was created. Pick another title, or change that page with "
                    + "confluence_update_section or confluence_update_page.");
        }
        return new Created(id, title, space.key(), page.url(), true, null, List.of());
    }

    private ObjectNode request(SpaceBrowser.Space space, String title, String parent, ObjectNode adf) {
        return site.newPage(space.id(), space.key(), title, parent, adf);
    }
}
