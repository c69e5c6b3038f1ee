package dev.atlmcp.compass.render;

import static dev.atlmcp.adf.Listing.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.atlmcp.adf.Listing;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.content.UntrustedText;
import dev.atlmcp.compass.client.ComponentDto;
import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.service.ComponentActivity;
import dev.atlmcp.compass.service.DependencyGraph;
import dev.atlmcp.compass.service.Ownership;
import dev.atlmcp.compass.service.Written;

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
        Listing.line(md, "Id", c.id());
        Listing.line(md, "Owner team", c.ownerId() == null ? "none" : c.ownerId());
        Listing.line(md, "Labels", labels(c));
        if (c.customFields() != null) {
            // values and names people typed, shown outside any fence: one line of plain text each, like a name
            c.customFields().forEach(f -> Listing.line(md, f.definition() == null ? "Field" : f.definition().name(),
                    value(f)));
        }
        Listing.line(md, "Scorecards", scores(c));
        Listing.line(md, "URL", c.url());
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

    /** Names are people's text, so the tree (and the graph) are fenced as data. */
    public static String dependencies(DependencyGraph.Graph graph, boolean mermaid, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        String what = graph.upstream() ? "what depends on it" : "what it depends on";
        StringBuilder md = new StringBuilder("# ").append(graph.root().name()).append(": ").append(what).append(", ")
                .append(graph.depth()).append(graph.depth() == 1 ? " level\n" : " levels\n");
        if (graph.components() == 0) {
            return md.append(graph.upstream() ? "Nothing depends on it." : "It depends on nothing.").toString();
        }
        md.append(graph.components()).append(graph.components() == 1 ? " component" : " components").append(
                ". ↻ marks a dependency cycle; (repeated) a component shown in full elsewhere.");
        if (graph.cut()) {
            md.append(" Stopped at ").append(graph.components()).append(" components; ask for less depth or start "
                    + "from one of them.");
        }
        StringBuilder tree = new StringBuilder();
        lines(graph.tree(), "", tree);
        md.append("\n\n").append(content.block(graph.root().name() + " dependencies", tree.toString()
                .stripTrailing()));
        if (mermaid) {
            md.append("\n\n").append(content.block(graph.root().name() + " dependency graph", mermaid(graph
                    .edges())));
        }
        return content.finish(md.toString());
    }

    private static void lines(DependencyGraph.Node node, String indent, StringBuilder md) {
        md.append(indent).append("- ").append(node.name());
        if (node.cycle()) {
            md.append(" ↻");
        } else if (node.repeated()) {
            md.append(" (repeated)");
        }
        md.append('\n');
        node.children().forEach(child -> lines(child, indent + "  ", md));
    }

    /** "A --> B" reads "A depends on B". */
    private static String mermaid(List<DependencyGraph.Edge> edges) {
        java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
        StringBuilder graph = new StringBuilder("```mermaid\ngraph LR\n");
        for (DependencyGraph.Edge edge : edges) {
            graph.append("  ").append(node(edge.from(), ids)).append(" --> ").append(node(edge.to(), ids)).append(
                    '\n');
        }
        return graph.append("```").toString();
    }

    private static String node(String name, java.util.Map<String, String> ids) {
        boolean first = !ids.containsKey(name);
        String id = ids.computeIfAbsent(name, n -> "n" + ids.size());
        return first ? id + "[\"" + name.replace("\"", "'") + "\"]" : id;
    }

    /** Event names are written by tools and people, so the table is fenced as data. */
    public static String events(ComponentActivity.Events events, ContentPolicy policy) {
        String head = "# " + events.component().name() + ": events of the last " + events.hours() + " hours, newest "
                + "first\n";
        if (events.events().isEmpty()) {
            return head + "None.";
        }
        UntrustedText content = policy.newAnswer();
        List<List<String>> rows = events.events().stream().map(e -> java.util.Arrays.asList(time(e.when()), e.type()
                .toLowerCase(Locale.ROOT), e.name(), e.state(), e.detail(), e.url())).toList();
        return content.finish(head + events.events().size() + (events.events().size() == 1 ? " event" : " events")
                + (events.more() ? "; more exist: narrow the window or the types." : ".") + "\n\n" + content.block(
                        events.component().name() + " events", Listing.table(List.of("When", "Type", "Event", "State",
                                "Environment or severity", "URL"), rows)));
    }

    /** Metric names and sources can be written by people, so the table is fenced as data. */
    public static String metrics(ComponentActivity.Metrics metrics, ContentPolicy policy) {
        String head = "# " + metrics.component().name() + ": metrics, latest values\n";
        if (metrics.metrics().isEmpty()) {
            return head + "None: no metric source is connected to this component in Compass.";
        }
        UntrustedText content = policy.newAnswer();
        List<List<String>> rows = metrics.metrics().stream()
                .map(m -> java.util.Arrays.asList(m.name(),
                        m.value() == null ? "none reported" : number(m.value()) + m.unit(),
                        m.at() == null ? null : time(m.at()), m
                                .url()))
                .toList();
        return content.finish(head + content.block(metrics.component().name() + " metrics", Listing.table(List.of(
                "Metric", "Latest", "Reported", "Source"), rows)));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(
                value);
    }

    /** Team and people names are text people wrote, so the answer is fenced as data. */
    public static String owner(Ownership.Owner owner, ContentPolicy policy) {
        String name = owner.component().name();
        StringBuilder about = new StringBuilder();
        if (owner.teamId() == null) {
            about.append(name).append(" has no owner team in Compass.");
        } else {
            about.append("Owner team: ").append(owner.teamName() == null ? "(its name could not be read)" : owner
                    .teamName()).append(" (").append(owner.teamId()).append(")");
            if (owner.teamDescription() != null && !owner.teamDescription().isBlank()) {
                about.append("\n").append(owner.teamDescription());
            }
            if (!owner.members().isEmpty()) {
                about.append("\nMembers: ").append(String.join(", ", owner.members().stream().map(m -> m.name()
                        + " (" + m.accountId() + ")" + ("LEAD".equals(m.role()) ? ", lead" : "")).toList()));
            }
        }
        for (var link : owner.contacts()) {
            about.append("\n").append("ON_CALL".equals(link.type()) ? "On-call: " : "Chat: ").append(link.name())
                    .append(" ").append(link.url());
        }
        UntrustedText content = policy.newAnswer();
        return content.finish("# Who owns " + name + "\n" + content.block(name + " owner", about.toString()));
    }

    /** A write's answer: what it did, the change id that undoes it, and notes. */
    public static String written(Written written) {
        return written.summary() + (written.changeId() == null ? "" : "\nChange id: " + written.changeId()
                + "\n(compass_undo_change reverts it while nobody has changed that since; Compass keeps no list of "
                + "changes, so keep this id.)") + (written.notes().isEmpty() ? ""
                        : "\n" + String.join("\n",
                                written.notes()));
    }

    /** The result table, fenced as data as a whole. */
    public static String searchResults(CompassCatalog.Page<CompassCatalog.Match> page, ContentPolicy policy) {
        String summary = Listing.summary(page.items().size(), page.total(), "component", "components", page.next());
        if (page.items().isEmpty()) {
            return summary;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CompassCatalog.Match match : page.items()) {
            ComponentDto c = match.component();
            rows.add(java.util.Arrays.asList(c.name(), typeName(c.typeId()), c.slug(), labels(c), c.ownerId(), c
                    .id()));
        }
        UntrustedText content = policy.newAnswer();
        return content.finish(summary + "\n\n" + content.block("Compass search results", Listing.table(List.of(
                "Name", "Type", "Slug", "Labels", "Owner team", "Id"), rows)));
    }

    /** "Service readiness 75/100 needs attention, ..." from the scores the component query carries. */
    private static String scores(ComponentDto c) {
        if (c.scorecardScores() == null || c.scorecardScores().isEmpty()) {
            return null;
        }
        return c.scorecardScores().stream().map(s -> scorecardName(c, s.scorecardId()) + " " + s.totalScore() + "/" + s
                .maxTotalScore() + (s.status() == null ? "" : " " + typeName(s.status()).toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(", ")) + " (compass_get_scorecards for the criteria)";
    }

    private static String scorecardName(ComponentDto c, String id) {
        return c.scorecards() == null ? id : c.scorecards().stream().filter(s -> id.equals(s.id())).map(
                ComponentDto.Scorecard::name).findFirst().orElse(id);
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

}
