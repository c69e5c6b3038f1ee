package dev.atlmcp.sandbox.compass;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A catalog component held by the sandbox. */
final class Component {

    record Link(String id, String type, String name, String url) {
    }

    record Event(String type, String displayName, String description, String url, Instant at,
            Map<String, Object> properties) {
    }

    /** A metric source: what it measures, its unit, and its values, newest first. */
    record Metric(String id, String name, String description, String suffix, String url, List<Value> values) {
    }

    record Value(double value, Instant at) {
    }

    final String id;
    final String slug;
    volatile String name;
    final String typeId;
    volatile String ownerId;
    volatile String description;
    final Instant createdAt;
    /** When a person last changed it, as {@code changeMetadata.lastUserModificationAt} reports. */
    volatile Instant modifiedAt;
    final List<String> labels = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final List<Component> dependsOn = new ArrayList<>();
    final List<Component> childOf = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Metric> metrics = new ArrayList<>();
    /** Custom field values by definition id: text, number, boolean, option id or option ids. */
    final Map<String, Object> fields = new LinkedHashMap<>();
    /** Only members of the owner team may change it; everyone else is answered 403. */
    volatile boolean restricted;

    Component(String id, String slug, String name, String typeId, String ownerId, String description,
            Instant createdAt) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.typeId = typeId;
        this.ownerId = ownerId;
        this.description = description;
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
    }

    /** Notes a change made now; always later than the one before. */
    synchronized void modified() {
        Instant now = Instant.now();
        modifiedAt = now.isAfter(modifiedAt) ? now : modifiedAt.plusNanos(1000);
    }
}
