package dev.atlmcp.compass.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.ComponentDto;

/**
 * What happened to a component (deployments, incidents, other events) in a time window, and how it measures (its
 * metrics' latest values).
 */
@ApplicationScoped
public class ComponentActivity {

    public static final int MAX_HOURS = 24 * 90;
    private static final Set<String> TYPES = Set.of("DEPLOYMENT", "INCIDENT", "BUILD", "ALERT", "FLAG", "LIFECYCLE",
            "PUSH", "PULL_REQUEST", "VULNERABILITY", "CUSTOM");

    public record Events(ComponentDto component, int hours, List<CompassCatalog.Event> events, boolean more) {
    }

    public record Metrics(ComponentDto component, List<CompassCatalog.Metric> metrics) {
    }

    private final CompassService compass;
    private final CompassCatalog catalog;

    ComponentActivity(CompassService compass, CompassCatalog catalog) {
        this.compass = compass;
        this.catalog = catalog;
    }

    public Metrics metrics(String component) {
        ComponentDto found = compass.component(component);
        return new Metrics(found, catalog.metrics(found.id()));
    }

    /**
     * @param types
     *            comma-separated event types, e.g. deployment,incident; blank for all
     */
    public Events events(String component, int hours, String types, int limit) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours must be between 1 and " + MAX_HOURS + " (90 days), got "
                    + hours);
        }
        Arguments.limit(limit, CompassService.MAX_LIMIT);
        List<String> eventTypes = new ArrayList<>();
        if (types != null && !types.isBlank()) {
            for (String raw : types.split(",")) {
                String type = raw.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
                if (!TYPES.contains(type)) {
                    throw new IllegalArgumentException("types: '" + raw.trim() + "' is not one of " + String.join(
                            ", ", TYPES.stream().sorted().map(t -> t.toLowerCase(Locale.ROOT)).toList()));
                }
                eventTypes.add(type);
            }
        }
        ComponentDto found = compass.component(component);
        Instant now = Instant.now();
        CompassCatalog.Page<CompassCatalog.Event> events = catalog.events(found.id(), new CompassCatalog.EventQuery(
                eventTypes, now.minus(Duration.ofHours(hours)), now, limit));
        return new Events(found, hours, events.items(), events.next() != null);
    }
}
