package dev.atlmcp.compass.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.policy.OutboundLinks;
import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.ComponentDto;

/**
 * What agents add to components: labels, links, relationships and deployment events. Each addition answers a change id
 * that carries what was added, so its undo removes exactly that and nothing someone else added; an event stays, as
 * Compass cannot remove one.
 */
@ApplicationScoped
public class CatalogAdditions {

    static final String LABELS = "labels-added";
    static final String LINK = "link-added";
    static final String RELATIONSHIP = "relationship-created";
    static final String DEPLOYMENT = "deployment-recorded";
    private static final Set<String> DEPLOYMENT_STATES = Set.of("PENDING", "IN_PROGRESS", "SUCCESSFUL", "FAILED",
            "ROLLED_BACK", "CANCELLED", "UNKNOWN");
    private static final Set<String> ENVIRONMENTS = Set.of("PRODUCTION", "STAGING", "TESTING", "DEVELOPMENT",
            "UNMAPPED");
    private static final Set<String> LINK_TYPES = Set.of("REPOSITORY", "DOCUMENT", "DASHBOARD", "ON_CALL",
            "CHAT_CHANNEL", "PROJECT", "OTHER_LINK");
    private static final Pattern LABEL = Pattern.compile("[^\\s,]{1,255}");
    private static final int MAX_LABELS = 20;

    private final CompassService compass;
    private final CompassCatalog catalog;
    private final ChangeSender sender;
    private final ObjectMapper json;
    private final OutboundLinks links;

    CatalogAdditions(CompassService compass, CompassCatalog catalog, ChangeSender sender, ObjectMapper json,
            OutboundLinks links) {
        this.links = links;
        this.compass = compass;
        this.catalog = catalog;
        this.sender = sender;
        this.json = json;
    }

    public Written addLabels(String reference, List<String> labels, boolean dryRun, String confirmationToken) {
        if (labels == null || labels.isEmpty() || labels.size() > MAX_LABELS) {
            throw new IllegalArgumentException("labels must list 1 to " + MAX_LABELS + " labels, e.g. [\"tier-1\"]");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String label : labels) {
            String trimmed = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
            if (!LABEL.matcher(trimmed).matches()) {
                throw new IllegalArgumentException("labels: '" + label + "' is not a label; labels have no spaces or "
                        + "commas, e.g. tier-1");
            }
            wanted.add(trimmed);
        }
        ComponentDto component = compass.component(reference);
        List<String> present = component.labels() == null ? List.of()
                : component.labels().stream().map(ComponentDto.Label::name).toList();
        List<String> missing = wanted.stream().filter(l -> !present.contains(l)).toList();
        if (missing.isEmpty()) {
            return Written.unchanged(component.name() + " already has the labels " + String.join(", ", wanted)
                    + ". Nothing was changed.");
        }
        String what = "add the labels " + String.join(", ", missing) + " to " + component.name();
        ObjectNode input = json.createObjectNode().put("componentId", component.id());
        input.set("labelNames", array(missing));
        List<String> added = sender.send("compass_add_labels", what, "addComponentLabels", input, component,
                "read it with compass_get_component and look at its labels", dryRun, confirmationToken,
                () -> catalog.addLabels(component.id(), missing));
        List<String> recorded = added.isEmpty() ? missing : added;
        ObjectNode after = json.createObjectNode();
        after.set("labels", array(recorded));
        return recorded(component, LABELS, "compass_add_labels", what, after, "Added the labels " + String.join(
                ", ", recorded) + " to " + component.name() + ".");
    }

    public Written addLink(String reference, String type, String url, String name, boolean dryRun,
            String confirmationToken) {
        String linkType = constant("type", type == null ? "" : type, LINK_TYPES);
        String link = allowedUrl(url, "https://github.com/acme/checkout-api");
        String title = name == null || name.isBlank() ? null : Arguments.text("name", name, 255, "Runbook");
        ComponentDto component = compass.component(reference);
        if (component.links() != null && component.links().stream().anyMatch(l -> l.url().equals(link))) {
            return Written.unchanged(component.name() + " already links to " + link + ". Nothing was changed.");
        }
        String what = "add a " + words(linkType) + " link " + link + " to " + component.name();
        ObjectNode input = json.createObjectNode().put("componentId", component.id());
        input.putObject("link").put("type", linkType).put("url", link).put("name", title);
        ComponentDto.Link created = sender.send("compass_add_link", what, "createComponentLink", input, component,
                "read it with compass_get_component and look at its links", dryRun, confirmationToken,
                () -> catalog.createLink(component.id(), new CompassCatalog.NewLink(linkType, link, title)));
        ObjectNode after = json.createObjectNode().put("linkId", created.id()).put("type", linkType).put("url", link);
        return recorded(component, LINK, "compass_add_link", what, after,
                "Added the " + words(linkType) + " link " + link + " to " + component.name() + ".");
    }

    /**
     * @param type
     *            DEPENDS_ON ({@code component} depends on {@code target}) or CHILD_OF
     */
    public Written relate(String reference, String targetReference, String type, boolean dryRun,
            String confirmationToken) {
        String kind = type == null || type.isBlank() ? "DEPENDS_ON" : type.trim().toUpperCase(Locale.ROOT).replace(
                ' ', '_');
        if (!kind.equals("DEPENDS_ON") && !kind.equals("CHILD_OF")) {
            throw new IllegalArgumentException("type must be DEPENDS_ON or CHILD_OF, got '" + type + "'");
        }
        Arguments.text("target", targetReference, 300, "payments-api");
        ComponentDto component = compass.component(reference);
        ComponentDto target = compass.component(targetReference);
        if (component.id().equals(target.id())) {
            throw new IllegalArgumentException("component and target are both " + component.name() + "; a component "
                    + "cannot depend on itself");
        }
        String sentence = component.name() + (kind.equals("DEPENDS_ON") ? " depends on " : " is a child of ")
                + target.name();
        if (related(component.id(), target.id(), kind)) {
            return Written.unchanged("Already recorded: " + sentence + ". Nothing was changed.");
        }
        String what = "record that " + sentence;
        ObjectNode input = json.createObjectNode().put("startNodeId", component.id()).put("endNodeId", target.id())
                .put("relationshipType", kind);
        sender.send("compass_create_relationship", what, "createRelationship", input, component,
                "look for it with compass_get_dependencies", dryRun, confirmationToken, () -> {
                    catalog.createRelationship(component.id(), target.id(), kind);
                    return null;
                });
        ObjectNode after = json.createObjectNode().put("endId", target.id()).put("endName", target.name()).put(
                "type", kind);
        return recorded(component, RELATIONSHIP, "compass_create_relationship", what, after, "Recorded: " + sentence
                + ".");
    }

    /** Records a deployment event on a component, as a pipeline would, e.g. a manual release or a rollback. */
    public Written recordDeployment(String reference, String name, String url, String state, String environment,
            String description, boolean dryRun, String confirmationToken) {
        String title = Arguments.text("name", name, 255, "checkout-api 2.31.2");
        String status = constant("state", state == null || state.isBlank() ? "SUCCESSFUL" : state, DEPLOYMENT_STATES);
        String where = constant("environment", environment == null || environment.isBlank() ? "PRODUCTION"
                : environment, ENVIRONMENTS);
        String link = allowedUrl(url, "https://ci.acme.example/deployments/42");
        String about = description == null || description.isBlank() ? null : Arguments.text("description",
                description, 1000, "Rolled back after the latency alert");
        ComponentDto component = compass.component(reference);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String what = "record the " + words(status) + " deployment " + title + " to " + words(where) + " on "
                + component.name();
        ObjectNode input = json.createObjectNode().put("componentId", component.id()).put("displayName", title).put(
                "url", link).put("state", status).put("environment", where).put("description", about);
        sender.send("compass_record_deployment", what, "createCompassEvent", input, component,
                "look for it with compass_get_events", dryRun, confirmationToken, () -> {
                    catalog.recordDeployment(component.id(), new CompassCatalog.NewDeployment(title, about, link,
                            status, where, at));
                    return null;
                });
        ObjectNode after = json.createObjectNode().put("name", title).put("state", status).put("environment", where)
                .put("at", at.toString());
        return recorded(component, DEPLOYMENT, "compass_record_deployment", what, after, "Recorded the " + words(
                status) + " deployment " + title + " to " + words(where) + " on " + component.name() + ".");
    }

    /** An http(s) URL within the link allow-list. */
    private String allowedUrl(String url, String example) {
        String link = Arguments.text("url", url, 2000, example);
        if (!link.startsWith("https://") && !link.startsWith("http://")) {
            throw new IllegalArgumentException("url must be an http or https address, got '" + url + "'");
        }
        links.requireAllowed("url", link);
        return link;
    }

    /** One of {@code allowed}, given in any case with spaces or hyphens for underscores. */
    private static String constant(String argument, String value, Set<String> allowed) {
        String constant = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (!allowed.contains(constant)) {
            throw new IllegalArgumentException(argument + " must be one of " + String.join(", ", allowed.stream()
                    .sorted().toList()) + ", got '" + value + "'");
        }
        return constant;
    }

    public Written undo(AgentChange change, boolean dryRun, String confirmationToken) {
        ComponentDto component = compass.component(change.item());
        return switch (change.action()) {
        case DEPLOYMENT -> throw new ToolRefusal("Not undone: Compass keeps the events recorded on a component and "
                + "has no way to remove one, so the deployment " + change.after().path("name").asText() + " stays in "
                + component.name() + "'s activity. Nothing was changed.");
        case LABELS -> undoLabels(change, component, dryRun, confirmationToken);
        case LINK -> undoLink(change, component, dryRun, confirmationToken);
        default -> undoRelationship(change, component, dryRun, confirmationToken);
        };
    }

    private Written undoLabels(AgentChange change, ComponentDto component, boolean dryRun, String token) {
        List<String> added = new ArrayList<>();
        change.after().path("labels").forEach(l -> added.add(l.asText()));
        List<String> still = component.labels() == null ? List.of()
                : component.labels().stream().map(ComponentDto.Label::name).filter(added::contains).toList();
        if (still.isEmpty()) {
            throw new ToolRefusal(component.name() + " no longer has the labels " + String.join(", ", added)
                    + ": they were removed already. Nothing was changed.");
        }
        ObjectNode input = json.createObjectNode().put("componentId", component.id());
        input.set("labelNames", array(still));
        String what = "remove the labels " + String.join(", ", still) + " from " + component.name();
        sender.send("compass_undo_change", what, "removeComponentLabels", input, component,
                "read it with compass_get_component and look at its labels", dryRun, token, () -> {
                    catalog.removeLabels(component.id(), still);
                    return null;
                });
        return new Written("Done: removed the labels " + String.join(", ", still) + " from " + component.name()
                + ".", null, sender.undone(change));
    }

    private Written undoLink(AgentChange change, ComponentDto component, boolean dryRun, String token) {
        String linkId = change.after().path("linkId").asText();
        String url = change.after().path("url").asText();
        if (component.links() == null || component.links().stream().noneMatch(l -> linkId.equals(l.id()))) {
            throw new ToolRefusal(component.name() + " no longer has the link " + url + ": it was removed already. "
                    + "Nothing was changed.");
        }
        String what = "remove the link " + url + " from " + component.name();
        sender.send("compass_undo_change", what, "deleteComponentLink", json.createObjectNode().put("componentId",
                component.id()).put("link", linkId), component, "read it with compass_get_component and look at its "
                        + "links",
                dryRun, token, () -> {
                    catalog.deleteLink(component.id(), linkId);
                    return null;
                });
        return new Written("Done: removed the link " + url + " from " + component.name() + ".", null, sender.undone(
                change));
    }

    private Written undoRelationship(AgentChange change, ComponentDto component, boolean dryRun, String token) {
        String endId = change.after().path("endId").asText();
        String kind = change.after().path("type").asText();
        String sentence = component.name() + (kind.equals("DEPENDS_ON") ? " depends on " : " is a child of ")
                + change.after().path("endName").asText();
        if (!related(component.id(), endId, kind)) {
            throw new ToolRefusal("Compass no longer records that " + sentence + ": it was removed already. Nothing "
                    + "was changed.");
        }
        sender.send("compass_undo_change", "remove the relationship: " + sentence, "deleteRelationship", json
                .createObjectNode().put("startNodeId", component.id()).put("endNodeId", endId).put(
                        "relationshipType", kind),
                component, "look for it with compass_get_dependencies", dryRun, token, () -> {
                    catalog.deleteRelationship(component.id(), endId, kind);
                    return null;
                });
        return new Written("Done: Compass no longer records that " + sentence + ".", null, sender.undone(change));
    }

    private boolean related(String startId, String endId, String kind) {
        return catalog.allRelationships(startId, false, kind).stream().anyMatch(r -> r.id().equals(endId));
    }

    private Written recorded(ComponentDto component, String action, String tool, String what, ObjectNode after,
            String summary) {
        AgentChange change = sender.start(tool, action, component.id(), what, json.createObjectNode(), after);
        return new Written(summary, change.id(), sender.recorded(change, component));
    }

    /** ON_CALL to "on call". */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private ArrayNode array(List<String> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
