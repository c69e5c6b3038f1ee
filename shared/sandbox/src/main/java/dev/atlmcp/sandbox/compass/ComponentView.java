package dev.atlmcp.sandbox.compass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Components, their custom fields, scores and events as the GraphQL types select them. */
final class ComponentView {

    private final String siteUrl;
    private final java.util.function.Supplier<CompassStore> store;

    ComponentView(String siteUrl, java.util.function.Supplier<CompassStore> store) {
        this.siteUrl = siteUrl;
        this.store = store;
    }

    Map<String, Object> graph(Component c) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("__typename", "CompassComponent");
        g.put("__source", c);
        g.put("id", c.id);
        g.put("name", c.name);
        g.put("description", c.description);
        g.put("type", c.typeId);
        g.put("typeId", c.typeId);
        CompassStore.TYPES.stream().filter(t -> t[0].equals(c.typeId)).findFirst().ifPresent(t -> g.put(
                "typeMetadata", Map.of("id", t[0], "name", t[1], "description", t[2])));
        g.put("slug", c.slug);
        g.put("state", "ACTIVE");
        g.put("url", url(c));
        g.put("ownerId", c.ownerId);
        g.put("ownerTeam", CompassSeed.teamById(c.ownerId).orElse(null));
        g.put("labels", c.labels.stream().map(l -> Map.of("name", l)).toList());
        g.put("links", c.links.stream().map(ComponentView::link).toList());
        g.put("scorecards", CompassStore.SCORECARDS.stream().map(s -> scorecard(s, c)).toList());
        g.put("scorecardScores", CompassStore.SCORECARDS.stream().map(s -> score(s, c)).toList());
        List<Object> fields = new ArrayList<>();
        c.fields.forEach((id, value) -> store.get().field(id).ifPresent(d -> fields.add(field(d, value))));
        g.put("customFields", fields);
        g.put("changeMetadata", Map.of("createdAt", c.createdAt, "lastUserModificationAt", c.modifiedAt));
        return g;
    }

    static Map<String, Object> link(Component.Link l) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("id", l.id());
        link.put("name", l.name());
        link.put("type", l.type());
        link.put("url", l.url());
        return link;
    }

    static Map<String, Object> scorecard(CompassStore.Scorecard s, Component of) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", s.id());
        g.put("name", s.name());
        g.put("description", s.description());
        g.put("importance", s.importance());
        g.put("criterias", s.criteria().stream().map(k -> Map.of("id", k.id(), "name", k.name(), "weight", k
                .weight())).toList());
        if (of != null) {
            g.put("__component", of);
        }
        return g;
    }

    static Map<String, Object> score(CompassStore.Scorecard s, Component c) {
        int score = s.score(c);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("scorecardId", s.id());
        g.put("totalScore", score);
        g.put("maxTotalScore", s.max());
        g.put("status", score * 100 >= s.max() * 80 ? "PASSING" : score * 100 >= s.max() * 50 ? "NEEDS_ATTENTION"
                : "FAILING");
        g.put("criteriaScores", s.criteria().stream().map(k -> Map.of("criterionId", k.id(), "score", k.met()
                .test(c) ? k.weight() : 0, "maxScore", k.weight())).toList());
        return g;
    }

    private static Map<String, Object> field(CompassStore.FieldDefinition d, Object value) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("__typename", "CompassCustom" + d.kind() + "Field");
        g.put("definition", definition(d));
        switch (d.kind()) {
        case "Text" -> g.put("textValue", value);
        case "Number" -> g.put("numberValue", value);
        case "Boolean" -> g.put("booleanValue", value);
        case "User" -> g.put("userIdValue", value);
        case "SingleSelect" -> g.put("option", Map.of("id", value, "value", d.options().get(value)));
        default -> g.put("options", ((List<?>) value).stream().map(o -> Map.of("id", o, "value", d.options().get(
                o))).toList());
        }
        return g;
    }

    static Map<String, Object> definition(CompassStore.FieldDefinition d) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("__typename", "CompassCustom" + d.kind() + "FieldDefinition");
        g.put("id", d.id());
        g.put("name", d.name());
        g.put("description", d.description());
        g.put("options", d.options().entrySet().stream().map(o -> Map.of("id", o.getKey(), "value", o.getValue()))
                .toList());
        g.put("componentTypeIds", d.componentTypeIds());
        return g;
    }

    /** A metric source with its definition and values; {@code values} pages them, newest first. */
    static Map<String, Object> metric(Component.Metric m) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", m.id());
        g.put("title", m.name());
        g.put("url", m.url());
        g.put("metricDefinition", Map.of("id", m.id().replaceFirst(".*/metric-source/", "metric-definition/"), "name",
                m.name(), "description", m.description(), "format", Map.of("__typename",
                        "CompassMetricDefinitionFormatSuffix", "suffix", m.suffix())));
        g.put("__values", m.values().stream().<Object> map(v -> Map.of("value", v.value(), "timestamp", v.at()))
                .toList());
        return g;
    }

    Map<String, Object> event(Component.Event e) {
        Map<String, Object> g = new LinkedHashMap<>();
        boolean deployment = e.type().equals("DEPLOYMENT");
        g.put("__typename", deployment ? "CompassDeploymentEvent" : "CompassIncidentEvent");
        g.put("displayName", e.displayName());
        g.put("description", e.description());
        g.put("eventType", e.type());
        g.put("url", e.url());
        g.put("lastUpdated", e.at());
        g.put("updateSequenceNumber", e.at().toEpochMilli());
        Map<String, Object> p = e.properties();
        if (deployment) {
            g.put("deploymentProperties", Map.of("state", p.get("state"), "startedAt", p.get("startedAt"),
                    "completedAt", e.at(), "sequenceNumber", e.at().getEpochSecond(), "environment", Map.of(
                            "category", p.get("environment"), "displayName", String.valueOf(p.get("environment"))
                                    .toLowerCase(Locale.ROOT),
                            "environmentId", "env-" + p.get("environment"))));
        } else {
            g.put("incidentProperties", Map.of("id", "INC-" + Math.abs(e.displayName().hashCode() % 10000), "state",
                    p.get("state"), "severity", Map.of("label", p.get("severityLabel"), "level", p.get(
                            "severityLevel")),
                    "startTime", p.get("startTime")));
        }
        return g;
    }

    String url(Component c) {
        return siteUrl + "/compass/component/" + c.id.substring(c.id.lastIndexOf('/') + 1);
    }
}
