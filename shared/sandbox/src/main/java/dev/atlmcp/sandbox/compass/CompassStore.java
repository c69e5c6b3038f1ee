package dev.atlmcp.sandbox.compass;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state of one simulated Compass catalog. */
final class CompassStore {

    /** Scorecard id to name and importance. */
    static final Map<String, String[]> SCORECARDS = new LinkedHashMap<>();

    static {
        SCORECARDS.put("scorecard-readiness", new String[] { "Service readiness", "REQUIRED" });
        SCORECARDS.put("scorecard-security", new String[] { "Security baseline", "RECOMMENDED" });
    }

    static final List<String[]> TYPES = List.of(
            new String[] { "SERVICE", "Service", "A deployable that serves requests" },
            new String[] { "APPLICATION", "Application", "Something people use directly" },
            new String[] { "LIBRARY", "Library", "Code other components build on" },
            new String[] { "OTHER", "Other", "Anything else" });

    private final Map<String, Component> byId = new LinkedHashMap<>();

    void add(Component component) {
        byId.put(component.id, component);
    }

    Optional<Component> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Component> bySlug(String slug) {
        return byId.values().stream().filter(c -> c.slug.equals(slug)).findFirst();
    }

    Collection<Component> all() {
        return byId.values();
    }

    /** Components that depend on {@code target}. */
    List<Component> dependents(Component target) {
        return byId.values().stream().filter(c -> c.dependsOn.contains(target)).toList();
    }
}
