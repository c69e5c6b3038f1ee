package dev.atlmcp.compass.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.atlmcp.adf.Listing;
import dev.atlmcp.auth.content.ContentPolicy;
import dev.atlmcp.auth.content.UntrustedText;
import dev.atlmcp.compass.client.ComponentDto;
import dev.atlmcp.compass.service.CompassService;
import dev.atlmcp.compass.service.ComponentUpdates;

/** Compact Markdown for components and search results; ids stay in the text for chaining. */
public final class ComponentMarkdown {

    private ComponentMarkdown() {
    }

    /** The component with its description fenced as data. */
    public static String component(ComponentDto c, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(c.name()).append('\n');
        md.append(typeName(c.typeId()));
        if (c.slug() != null) {
            md.append(" · slug ").append(c.slug());
        }
        if (c.state() != null) {
            md.append(" · ").append(c.state().toLowerCase(Locale.ROOT));
        }
        md.append('\n');
        line(md, "Id", c.id());
        line(md, "Owner team", c.ownerId() == null ? "none" : c.ownerId());
        line(md, "Labels", labels(c));
        if (c.customFields() != null) {
            c.customFields().forEach(f -> line(md, f.definition() == null ? "Field" : f.definition().name(), value(
                    f)));
        }
        line(md, "URL", c.url());
        if (c.description() != null && !c.description().isBlank()) {
            md.append('\n').append(content.block(c.name() + " description", c.description())).append('\n');
        }
        if (c.links() != null && !c.links().isEmpty()) {
            md.append("\n## Links\n");
            for (ComponentDto.Link link : c.links()) {
                md.append("- ").append(typeName(link.type())).append(": [").append(link.name() == null ? link.url()
                        : link.name()).append("](").append(link.url()).append(")\n");
            }
        }
        return content.finish(md.toString().stripTrailing());
    }

    /** The result table, fenced as data as a whole. */
    public static String updated(ComponentUpdates.Updated updated) {
        return "Updated " + String.join(", ", updated.fields()) + " of " + updated.name() + ".\nChange id: " + updated
                .changeId() + "\n(compass_undo_change reverts it while nobody has changed those fields since; Compass "
                + "keeps no list of changes, so keep this id.)" + notes(updated);
    }

    public static String undone(ComponentUpdates.Updated undone) {
        boolean one = undone.fields().size() == 1;
        return "Done: the " + String.join(", ", undone.fields()) + " of " + undone.name() + (one
                ? " is back to its previous value." : " are back to their previous values.") + notes(undone);
    }

    private static String notes(ComponentUpdates.Updated updated) {
        return updated.notes().isEmpty() ? "" : "\n" + String.join("\n", updated.notes());
    }

    public static String searchResults(CompassService.SearchPage page, ContentPolicy policy) {
        String summary = Listing.summary(page.matches().size(), page.total(), "component", "components", page
                .nextCursor());
        if (page.matches().isEmpty()) {
            return summary;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CompassService.Match match : page.matches()) {
            ComponentDto c = match.component();
            rows.add(java.util.Arrays.asList(c.name(), typeName(c.typeId()), c.slug(), labels(c), c.ownerId(), c
                    .id()));
        }
        UntrustedText content = policy.newAnswer();
        return content.finish(summary + "\n\n" + content.block("Compass search results", Listing.table(List.of(
                "Name", "Type", "Slug", "Labels", "Owner team", "Id"), rows)));
    }

    private static String value(ComponentDto.CustomField f) {
        if (f.textValue() != null) {
            return f.textValue();
        }
        if (f.numberValue() != null) {
            return f.numberValue() % 1 == 0 ? String.valueOf(f.numberValue().longValue()) : String.valueOf(f
                    .numberValue());
        }
        if (f.booleanValue() != null) {
            return f.booleanValue() ? "yes" : "no";
        }
        if (f.userIdValue() != null) {
            return "user " + f.userIdValue();
        }
        if (f.option() != null) {
            return f.option().value();
        }
        if (f.options() != null) {
            return f.options().stream().map(ComponentDto.Option::value).collect(Collectors.joining(", "));
        }
        return null;
    }

    private static String labels(ComponentDto c) {
        return c.labels() == null ? null : c.labels().stream().map(ComponentDto.Label::name).collect(Collectors
                .joining(", "));
    }

    /** SERVICE to Service, ON_CALL to On call. */
    static String typeName(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "Component";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static void line(StringBuilder md, String label, String value) {
        if (value != null && !value.isBlank()) {
            md.append(label).append(": ").append(value).append('\n');
        }
    }
}
