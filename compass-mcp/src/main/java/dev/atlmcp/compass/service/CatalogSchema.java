package dev.atlmcp.compass.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.ComponentDto;

/** What the catalog is made of: component types, custom field definitions, and the scorecards components meet. */
@ApplicationScoped
public class CatalogSchema {

    public record Scores(ComponentDto component, List<CompassCatalog.Scorecard> scorecards) {
    }

    private final CompassService compass;
    private final CompassCatalog catalog;

    CatalogSchema(CompassService compass, CompassCatalog catalog) {
        this.compass = compass;
        this.catalog = catalog;
    }

    public List<CompassCatalog.ComponentType> types() {
        return catalog.componentTypes();
    }

    public List<CompassCatalog.FieldDefinition> fields() {
        return catalog.customFieldDefinitions();
    }

    public Scores scores(String component) {
        ComponentDto found = compass.component(component);
        return new Scores(found, catalog.scorecards(found.id()));
    }
}
