package dev.atlmcp.platform.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.json.JsonObject;

import dev.atlmcp.auth.config.ConfigCheck;

/**
 * With {@code MCP_APPROVED_TOOLS} set, the server starts only if its tools are exactly the approved ones, protection
 * against a tool silently redefined by an upgrade. The value is the tool set's digest ({@code sha256:...}), or the path
 * of a registry entry ({@code server.json}) whose {@code _meta} carries the approved digests; with the entry the
 * refusal names every tool added, removed or changed.
 */
@Singleton
public class ApprovedTools implements ConfigCheck {

    /** Where a registry entry keeps the digests, under {@code _meta}. */
    public static final String META = "io.modelcontextprotocol.registry/publisher-provided";
    private static final String PROPERTY = "mcp.approved-tools";

    private final ToolManifest manifest;
    private final Optional<String> approved;

    ApprovedTools(ToolManifest manifest, @ConfigProperty(name = PROPERTY) Optional<String> approved) {
        this.manifest = manifest;
        this.approved = approved.filter(a -> !a.isBlank()).map(String::trim);
    }

    @Override
    public List<String> problems() {
        if (approved.isEmpty()) {
            return List.of();
        }
        String value = approved.get();
        if (value.startsWith("sha256:")) {
            return value.equals(manifest.digest()) ? List.of() : List.of(ConfigCheck.problem(PROPERTY, "approves "
                    + "the tool set " + value + ", but this server's tools are " + manifest.digest() + ": a tool "
                    + "was added, removed or redefined. Review the tools (tools/list) and approve the new digest, or "
                    + "give the approved server.json to see which tools differ"));
        }
        try {
            JsonObject meta = new JsonObject(Files.readString(Path.of(value))).getJsonObject("_meta", new JsonObject())
                    .getJsonObject(META, new JsonObject());
            Map<String, String> expected = new TreeMap<>();
            meta.getJsonObject("tools", new JsonObject()).forEach(e -> expected.put(e.getKey(), String.valueOf(e
                    .getValue())));
            List<String> differences = differences(expected, manifest.toolDigests());
            return differences.isEmpty() ? List.of() : List.of(ConfigCheck.problem(PROPERTY, "names " + value
                    + ", whose approved tools differ from this server's: " + String.join("; ", differences)
                    + ". Nothing was started; review and approve the new entry"));
        } catch (IOException | RuntimeException e) {
            return List.of(ConfigCheck.problem(PROPERTY, "must be a sha256: digest or a readable server.json "
                    + "with " + META + " tools, got '" + value + "'"));
        }
    }

    /** Tools added, removed or changed, by name. */
    static List<String> differences(Map<String, String> approved, Map<String, String> actual) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(approved.keySet());
        names.addAll(actual.keySet());
        for (String name : names) {
            if (!approved.containsKey(name)) {
                added.add(name);
            } else if (!actual.containsKey(name)) {
                removed.add(name);
            } else if (!approved.get(name).equals(actual.get(name))) {
                changed.add(name);
            }
        }
        List<String> differences = new ArrayList<>();
        if (!added.isEmpty()) {
            differences.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            differences.add("removed " + String.join(", ", removed));
        }
        if (!changed.isEmpty()) {
            differences.add("redefined " + String.join(", ", changed));
        }
        return differences;
    }
}
