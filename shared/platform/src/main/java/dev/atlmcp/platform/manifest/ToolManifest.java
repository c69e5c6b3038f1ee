package dev.atlmcp.platform.manifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.mcp.server.ToolManager;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What this server's tools are, as {@code tools/list} describes them (name, description, input schema, annotations),
 * with a SHA-256 digest per tool and one over all of them. Registry entries carry these digests so an administrator can
 * pin the exact tools they approved; a redefined tool changes its digest.
 */
@ApplicationScoped
public class ToolManifest {

    private final ToolManager tools;

    ToolManifest(ToolManager tools) {
        this.tools = tools;
    }

    /** Each tool's digest ({@code sha256:<hex>}), by name. */
    public Map<String, String> toolDigests() {
        Map<String, String> digests = new TreeMap<>();
        tools.forEach(tool -> digests.put(tool.name(), sha256(canonical(tool.asJson()))));
        return digests;
    }

    /** The digest of the whole tool set: of the sorted {@code name=digest} lines. */
    public String digest() {
        StringBuilder lines = new StringBuilder();
        toolDigests().forEach((name, digest) -> lines.append(name).append('=').append(digest).append('\n'));
        return sha256(lines.toString());
    }

    /** JSON with object keys sorted at every level, so equal content always hashes the same. */
    static String canonical(Object value) {
        if (value instanceof JsonObject object) {
            return canonical(object.getMap());
        }
        if (value instanceof JsonArray array) {
            return canonical(array.getList());
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner out = new StringJoiner(",", "{", "}");
            new TreeMap<Object, Object>(map).forEach((key, field) -> out.add(Json.encode(String.valueOf(key)) + ":"
                    + canonical(field)));
            return out.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner out = new StringJoiner(",", "[", "]");
            list.forEach(item -> out.add(canonical(item)));
            return out.toString();
        }
        return Json.encode(value);
    }

    private static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
