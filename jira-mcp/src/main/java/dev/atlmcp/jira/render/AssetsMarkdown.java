package dev.atlmcp.jira.render;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.adf.Listing;
import dev.atlmcp.adf.OneLine;
import dev.atlmcp.jira.service.Assets;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.content.UntrustedText;

/** Assets objects as Markdown; names and attribute values are people's text, fenced as data. */
public final class AssetsMarkdown {

    /** Attributes shown per object in a list; the object itself shows them all. */
    private static final int BRIEF = 3;

    private AssetsMarkdown() {
    }

    public static String found(Assets.Found found, ContentPolicy policy) {
        return table(Listing.summary(found.objects().size(), found.total(), "object", "objects", found.nextCursor()),
                "Assets " + found.aql(), found.objects(), policy);
    }

    public static String linked(Assets.Linked linked, ContentPolicy policy) {
        String key = linked.issue().key();
        if (linked.found().objects().isEmpty()) {
            return "No Assets objects are connected to " + key + ".";
        }
        return table("Assets connected to " + key + ": " + Listing.summary(linked.found().objects().size(), linked
                .found().total(), "object", "objects", linked.found().nextCursor()), "Assets of " + key, linked.found()
                        .objects(),
                policy);
    }

    private static String table(String summary, String title, List<JsonNode> objects, ContentPolicy policy) {
        if (objects.isEmpty()) {
            return summary;
        }
        UntrustedText content = policy.newAnswer();
        List<List<String>> rows = objects.stream().map(o -> List.of(o.path("objectKey").asText(), o.path("label")
                .asText(), o.path("objectType").path("name").asText(), o.path("id").asText(),
                String.join("; ",
                        attributes(o).stream().limit(BRIEF).toList())))
                .toList();
        return content.finish(summary + "\n\n" + content.block(title, Listing.table(List.of("Key", "Name", "Type",
                "Id", "Attributes"), rows)));
    }

    public static String object(JsonNode o, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        String key = o.path("objectKey").asText();
        StringBuilder md = new StringBuilder("# ").append(key).append(' ').append(OneLine.of(o.path("label")
                .asText())).append('\n').append(OneLine.of(o.path("objectType").path("name").asText())).append(" · id ")
                .append(o.path("id").asText());
        String updated = Listing.time(o.path("updated").asText(null));
        if (updated != null) {
            md.append(" · updated ").append(updated);
        }
        List<String> attributes = attributes(o);
        md.append('\n').append(attributes.isEmpty() ? "(No attributes.)" : content.block(key + " attributes",
                "- " + String.join("\n- ", attributes)));
        return content.finish(md.toString());
    }

    /** {@code Name: value}, a reference as {@code label (KEY, type)}. */
    private static List<String> attributes(JsonNode object) {
        List<String> shown = new ArrayList<>();
        for (JsonNode a : object.path("attributes")) {
            String name = a.path("objectTypeAttribute").path("name").asText("");
            List<String> values = new ArrayList<>();
            for (JsonNode v : a.path("objectAttributeValues")) {
                JsonNode ref = v.path("referencedObject");
                values.add(ref.isMissingNode() || ref.isNull() ? v.path("displayValue").asText(v.path("value").asText())
                        : ref.path("label").asText() + " (" + ref.path("objectKey").asText() + ", " + ref.path(
                                "objectType").path("name").asText() + ")");
            }
            if (!name.isEmpty() && !values.isEmpty()) {
                shown.add(name + ": " + String.join(", ", values));
            }
        }
        return shown;
    }
}
