package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.quarkiverse.mcp.server.ToolManager;
import io.quarkus.arc.Arc;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.auth.inbound.InboundPolicy;

/**
 * Each tool's contract as a reviewed file in the repository, {@code <server>/tool-contracts/<tool>.md}: its name,
 * title, annotations, description, arguments and exact schemas, as {@code tools/list} gives them (icons aside: they are
 * the product's SVG). A change to a tool then shows in review as a readable diff of its file; the registry digest still
 * pins the whole. A tool changed without its file, a file without a tool, or a tool without a file fails; after
 * reviewing the change, {@code -Dtool-contracts.update=true} writes the files anew.
 */
public final class ToolContracts {

    private static final Path DIR = Path.of("tool-contracts");

    private ToolContracts() {
    }

    /** Checks the files of the server under test against its tools. */
    public static void assertMatch(String server) {
        Map<String, String> expected = new TreeMap<>();
        Arc.container().instance(ToolManager.class).get().forEach(tool -> expected.put(tool.name() + ".md", render(
                plain(tool))));
        if (Boolean.getBoolean("tool-contracts.update")) {
            write(expected);
            return;
        }
        String update = " differs from the tool; review the change, then run ./mvnw verify -pl " + server
                + " -Dtest=ToolContractsTest -Dtool-contracts.update=true";
        Map<String, String> actual = read();
        assertEquals(expected.keySet(), actual.keySet(), DIR + " names exactly the tools" + update);
        expected.forEach((file, contract) -> assertEquals(contract, actual.get(file), DIR.resolve(file) + update));
    }

    /**
     * Every tool's annotations say what it does: each hint is explicit; a tool that writes (its writes go through the
     * write pipeline, so it takes {@code dry_run} and {@code confirmation_token}) is not read-only and needs the write
     * scope; a read-only tool takes neither, is not destructive, is idempotent and needs only the read scope. The tool
     * that deletes the caller's own Atlassian grant is neither: it changes nothing in Atlassian, only lowers what the
     * caller can do, and so needs the read scope and no confirmation.
     */
    public static void assertAnnotationsConsistent() {
        InboundPolicy policy = Arc.container().instance(InboundPolicy.class).get();
        List<String> wrong = new ArrayList<>();
        Arc.container().instance(ToolManager.class).get().forEach(info -> {
            JsonObject tool = plain(info);
            String name = tool.getString("name");
            JsonObject hints = tool.getJsonObject("annotations", new JsonObject());
            for (String hint : List.of("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint")) {
                if (!(hints.getValue(hint) instanceof Boolean)) {
                    wrong.add(name + ": " + hint + " is not set");
                }
            }
            JsonObject arguments = tool.getJsonObject("inputSchema", new JsonObject()).getJsonObject("properties",
                    new JsonObject());
            boolean writes = arguments.containsKey("confirmation_token") && arguments.containsKey("dry_run");
            boolean readOnly = hints.getBoolean("readOnlyHint", false);
            if (name.endsWith(InboundPolicy.DISCONNECT_TOOL_SUFFIX)) {
                if (readOnly || writes || !policy.requiredScope(name).equals(policy.readScope())) {
                    wrong.add(name + ": withdraws a grant, so it is not read-only, takes no confirmation and needs "
                            + "the read scope");
                }
                return;
            }
            if (writes == readOnly) {
                wrong.add(name + ": readOnlyHint=" + readOnly + " but it " + (writes ? "writes" : "takes no "
                        + "confirmation_token and dry_run"));
            }
            if (readOnly && (hints.getBoolean("destructiveHint", true) || !hints.getBoolean("idempotentHint",
                    false))) {
                wrong.add(name + ": a read-only tool is idempotent and not destructive");
            }
            String scope = policy.requiredScope(name);
            if (scope.equals(policy.readScope()) != readOnly) {
                wrong.add(name + ": needs " + scope);
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** The tool as {@code tools/list} gives it, as plain JSON (its schemas are Jackson nodes inside). */
    private static JsonObject plain(ToolManager.ToolInfo tool) {
        return new JsonObject(tool.asJson().encode());
    }

    static String render(JsonObject tool) {
        StringBuilder out = new StringBuilder("# ").append(tool.getString("name")).append("\n\n");
        JsonObject annotations = tool.getJsonObject("annotations", new JsonObject());
        if (annotations.containsKey("title")) {
            out.append("**").append(annotations.getString("title")).append("**\n\n");
        }
        List<String> hints = new ArrayList<>();
        new TreeMap<>(annotations.getMap()).forEach((hint, value) -> {
            if (!"title".equals(hint)) {
                hints.add(hint + "=" + value);
            }
        });
        out.append("Annotations: ").append(hints.isEmpty() ? "none" : String.join(", ", hints)).append("\n\n");
        out.append("## Description\n\n").append(tool.getString("description", "").strip()).append("\n\n");
        JsonObject input = tool.getJsonObject("inputSchema", new JsonObject());
        JsonObject properties = input.getJsonObject("properties", new JsonObject());
        List<Object> required = input.getJsonArray("required", new JsonArray()).getList();
        out.append("## Arguments\n\n");
        if (properties.isEmpty()) {
            out.append("None.\n\n");
        } else {
            out.append("| name | type | required | default | description |\n|---|---|---|---|---|\n");
            properties.forEach(property -> {
                JsonObject schema = (JsonObject) property.getValue();
                out.append("| `").append(property.getKey()).append("` | ").append(type(schema)).append(" | ").append(
                        required.contains(property.getKey()) ? "yes" : "no").append(" | ").append(
                                schema.containsKey(
                                        "default") ? "`" + schema.getValue("default") + "`" : "")
                        .append(" | ").append(schema
                                .getString("description", "").replace("|", "\\|"))
                        .append(" |\n");
            });
            out.append('\n');
        }
        out.append("## Input schema\n\n```json\n").append(input.encodePrettily()).append("\n```\n");
        if (tool.containsKey("outputSchema")) {
            out.append("\n## Output schema\n\n```json\n").append(tool.getJsonObject("outputSchema").encodePrettily())
                    .append("\n```\n");
        }
        return out.toString();
    }

    private static String type(JsonObject schema) {
        Object type = schema.getValue("type");
        if ("array".equals(type)) {
            return "list of " + type(schema.getJsonObject("items", new JsonObject()));
        }
        return type == null ? "any" : String.valueOf(type);
    }

    private static Map<String, String> read() {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(DIR)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(DIR)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".md")).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Map<String, String> contracts) {
        try {
            Files.createDirectories(DIR);
            for (String stale : read().keySet()) {
                if (!contracts.containsKey(stale)) {
                    Files.delete(DIR.resolve(stale));
                }
            }
            for (Map.Entry<String, String> contract : contracts.entrySet()) {
                Files.writeString(DIR.resolve(contract.getKey()), contract.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
