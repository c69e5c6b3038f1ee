package dev.atlmcp.compass.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.atlmcp.adf.Listing;
import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.ComponentDto;
import dev.atlmcp.compass.service.CatalogSchema;

/** The catalog's definitions as tables: component types, custom fields, and a component's scorecards. */
public final class CatalogMarkdown {

    private CatalogMarkdown() {
    }

    public static String types(List<CompassCatalog.ComponentType> types) {
        return types.size() + " component types:\n\n" + Listing.table(List.of("Id", "Name", "Description"), types
                .stream().map(t -> List.of(t.id(), t.name(), t.description())).toList());
    }

    public static String fields(List<CompassCatalog.FieldDefinition> fields) {
        if (fields.isEmpty()) {
            return "This catalog has no custom fields.";
        }
        List<List<String>> rows = fields.stream().map(f -> Arrays.asList(f.name(), ComponentMarkdown.typeName(f
                .kind()).toLowerCase(Locale.ROOT), f.options().stream().map(ComponentDto.Option::value).collect(
                        Collectors.joining(", ")),
                f.description(), f.id())).toList();
        return fields.size() + " custom fields; compass_update_component and compass_create_component take values "
                + "by field name (options by their name):\n\n" + Listing.table(List.of("Name", "Kind", "Options",
                        "Description", "Id"), rows);
    }

    /** Scores, and for each scorecard the criteria the component fails (or all of them, with their scores). */
    public static String scores(CatalogSchema.Scores scores) {
        String name = scores.component().name();
        StringBuilder md = new StringBuilder("# ").append(name).append(": scorecards\n");
        if (scores.scorecards().isEmpty()) {
            return md.append("No scorecard applies to ").append(name).append('.').toString();
        }
        List<List<String>> rows = new ArrayList<>();
        for (CatalogSchema.Scorecard s : scores.scorecards()) {
            rows.add(Arrays.asList(s.name(), s.importance() == null ? null : s.importance().toLowerCase(Locale.ROOT)
                    .replace('_', ' '), s.score() + "/" + s.max(), s.status() == null ? null
                            : ComponentMarkdown
                                    .typeName(s.status()).toLowerCase(Locale.ROOT),
                    failing(s)));
        }
        return md.append(Listing.table(List.of("Scorecard", "Importance", "Score", "Status", "Failing criteria"),
                rows)).toString();
    }

    private static String failing(CatalogSchema.Scorecard s) {
        if (s.criteria() == null) {
            return "(not reported by this Compass site)";
        }
        List<String> failing = s.criteria().stream().filter(c -> c.score() != null && c.max() != null && c.score() < c
                .max()).map(c -> (c.name() == null ? c.id() : c.name()) + " (" + c.score() + "/" + c.max() + ")")
                .toList();
        return failing.isEmpty() ? "none" : String.join("; ", failing);
    }
}
