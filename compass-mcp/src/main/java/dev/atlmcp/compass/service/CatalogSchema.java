package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.ComponentDto;

/** What the catalog is made of: component types, custom field definitions, and the scorecards components meet. */
@ApplicationScoped
public class CatalogSchema {

    /**
     * A scorecard applied to a component with its score; {@code criteria} is null when the site does not report them.
     */
    public record Scorecard(String name, String importance, Integer score, Integer max, String status,
            List<CompassCatalog.Criterion> criteria) {
    }

    public record Scores(ComponentDto component, List<Scorecard> scorecards) {
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
        if (found.scorecards() == null || found.scorecards().isEmpty()) {
            return new Scores(found, List.of());
        }
        Map<String, List<CompassCatalog.Criterion>> criteria = catalog.scorecardCriteria(found.id());
        List<Scorecard> scorecards = new ArrayList<>();
        for (ComponentDto.Scorecard s : found.scorecards()) {
            ComponentDto.Score score = found.scorecardScores() == null ? null : found.scorecardScores().stream().filter(
                    x -> s.id().equals(x.scorecardId())).findFirst().orElse(null);
            scorecards.add(new Scorecard(s.name(), s.importance(), score == null ? null : score.totalScore(),
                    score == null ? null : score.maxTotalScore(), score == null ? null : score.status(), criteria.get(s
                            .id())));
        }
        return new Scores(found, scorecards);
    }
}
