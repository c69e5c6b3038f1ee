package dev.atlmcp.sandbox.compass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The state of one simulated Compass catalog, and the catalog's fixed definitions (types, fields, scorecards). */
final class CompassStore {

    /**
     * A custom field definition; {@code kind} is Text, Number, Boolean, User, SingleSelect or MultiSelect. It applies
     * to components of the given types.
     */
    record FieldDefinition(String id, String kind, String name, String description, Map<String, String> options,
            List<String> componentTypeIds) {

        FieldDefinition(String id, String kind, String name, String description, Map<String, String> options) {
            this(id, kind, name, description, options, TYPES.stream().map(t -> t[0]).toList());
        }
    }

    record Criterion(String id, String name, int weight, Predicate<Component> met) {
    }

    record Scorecard(String id, String name, String importance, String description, List<Criterion> criteria) {

        int score(Component c) {
            return criteria.stream().filter(k -> k.met().test(c)).mapToInt(Criterion::weight).sum();
        }

        int max() {
            return criteria.stream().mapToInt(Criterion::weight).sum();
        }
    }

    static final List<String[]> TYPES = List.of(
            new String[] { "SERVICE", "Service", "A deployable that serves requests" },
            new String[] { "APPLICATION", "Application", "Something people use directly" },
            new String[] { "LIBRARY", "Library", "Code other components build on" },
            new String[] { "OTHER", "Other", "Anything else" });

    static final List<FieldDefinition> FIELDS = List.of(
            new FieldDefinition("field-tier", "SingleSelect", "Tier", "How critical the component is",
                    options("option-tier-1", "tier-1", "option-tier-2", "tier-2", "option-tier-3", "tier-3")),
            new FieldDefinition("field-cost-center", "Text", "Cost center", "The budget the component is billed to",
                    Map.of()),
            new FieldDefinition("field-pci-scope", "Boolean", "PCI scope", "Handles card data", Map.of()),
            new FieldDefinition("field-slo-target", "Number", "SLO target", "Availability objective, in percent",
                    Map.of()),
            new FieldDefinition("field-architect", "User", "Architect", "Who reviews design changes", Map.of()));

    static final List<Scorecard> SCORECARDS = List.of(
            new Scorecard("scorecard-readiness", "Service readiness", "REQUIRED",
                    "What every production component needs", List.of(
                            new Criterion("criterion-owner", "Has an owner team", 25, c -> c.ownerId != null),
                            new Criterion("criterion-description", "Has a description", 25,
                                    c -> c.description != null && !c.description.isBlank()),
                            new Criterion("criterion-repository", "Has a repository link", 25, c -> hasLink(c,
                                    "REPOSITORY")),
                            new Criterion("criterion-runbook", "Has a runbook (document link)", 25, c -> hasLink(c,
                                    "DOCUMENT")))),
            new Scorecard("scorecard-security", "Security baseline", "RECOMMENDED",
                    "How to reach the owners when something is wrong", List.of(
                            new Criterion("criterion-on-call", "Has an on-call link", 50, c -> hasLink(c, "ON_CALL")),
                            new Criterion("criterion-tier", "Has a tier", 25, c -> c.fields.containsKey(
                                    "field-tier")),
                            new Criterion("criterion-chat", "Has a chat channel", 25, c -> hasLink(c,
                                    "CHAT_CHANNEL")))));

    private final Map<String, Component> byId = new LinkedHashMap<>();
    private final List<FieldDefinition> fields = new ArrayList<>(FIELDS);

    synchronized void add(Component component) {
        byId.put(component.id, component);
    }

    synchronized Optional<Component> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized Optional<Component> bySlug(String slug) {
        return byId.values().stream().filter(c -> c.slug.equals(slug)).findFirst();
    }

    synchronized List<Component> all() {
        return new ArrayList<>(byId.values());
    }

    /** Components that depend on {@code target}. */
    synchronized List<Component> dependents(Component target) {
        return byId.values().stream().filter(c -> c.dependsOn.contains(target)).toList();
    }

    /** Components that are children of {@code parent}. */
    synchronized List<Component> children(Component parent) {
        return byId.values().stream().filter(c -> c.childOf.contains(parent)).toList();
    }

    synchronized Optional<FieldDefinition> field(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    synchronized List<FieldDefinition> fields() {
        return List.copyOf(fields);
    }

    /** Adds a definition; false if one of that name exists. */
    synchronized boolean addField(FieldDefinition field) {
        if (fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(field.name()))) {
            return false;
        }
        return fields.add(field);
    }

    /** Removes a definition and every component's value of it; false if there is none. */
    synchronized boolean removeField(String id) {
        byId.values().forEach(c -> c.fields.remove(id));
        return fields.removeIf(f -> f.id().equals(id));
    }

    private static Map<String, String> options(String... idsAndValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            options.put(idsAndValues[i], idsAndValues[i + 1]);
        }
        return options;
    }

    private static boolean hasLink(Component c, String type) {
        return c.links.stream().anyMatch(l -> l.type().equals(type));
    }
}
