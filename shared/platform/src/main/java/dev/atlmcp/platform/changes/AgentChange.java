package dev.atlmcp.platform.changes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change an agent made, kept with the item it changed: who made it, through which tool, what it was before (the
 * values an undo writes back) and what it was right after (to tell whether the item changed again since).
 *
 * @param item
 *            what was changed, e.g. {@code OPS-5}
 * @param action
 *            the kind of change, which decides how it is undone, e.g. {@code fields-edited}
 * @param summary
 *            the change in words, e.g. {@code Priority, Labels of OPS-5}
 * @param subject
 *            the signed-in caller whose agent made it; only they may undo it
 */
public record AgentChange(String id, String tool, String action, String item, String summary, Instant at,
        String subject, JsonNode before, JsonNode after, Instant undoneAt) {

    /** Before-images larger than this are stored compressed. */
    private static final int COMPRESS_ABOVE = 8_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public AgentChange withId(String newId) {
        return new AgentChange(newId, tool, action, item, summary, at, subject, before, after, undoneAt);
    }

    public AgentChange withAfter(JsonNode newAfter) {
        return new AgentChange(id, tool, action, item, summary, at, subject, before, newAfter, undoneAt);
    }

    public AgentChange undone(Instant when) {
        return new AgentChange(id, tool, action, item, summary, at, subject, before, after, when);
    }

    public boolean isUndone() {
        return undoneAt != null;
    }

    /** The record as stored in Atlassian; a large before-image is gzipped and base64-encoded. */
    public ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode().put("changeId", id).put("tool", tool).put("action", action)
                .put("item",
                        item)
                .put("summary", summary).put("at", at.toString()).put("subject", subject);
        String before = this.before == null ? "null" : this.before.toString();
        if (before.length() > COMPRESS_ABOVE) {
            json.put("beforeGzip", gzip(before));
        } else {
            json.set("before", this.before);
        }
        json.set("after", after);
        if (undoneAt != null) {
            json.put("undoneAt", undoneAt.toString());
        }
        return json;
    }

    /** The audit's view: the before-image in full. */
    public ObjectNode toAuditJson() {
        ObjectNode json = toJson();
        json.remove("beforeGzip");
        json.set("before", before);
        return json;
    }

    public static AgentChange fromJson(JsonNode json) {
        JsonNode before = json.has("beforeGzip") ? parse(gunzip(json.path("beforeGzip").asText())) : json.get(
                "before");
        return new AgentChange(json.path("changeId").asText(), json.path("tool").asText(), json.path("action").asText(),
                json.path("item").asText(), json.path("summary").asText(), Instant.parse(json.path("at").asText()),
                json.path("subject").asText(), before, json.get("after"), json.hasNonNull("undoneAt") ? Instant
                        .parse(json.path("undoneAt").asText()) : null);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String gunzip(String base64) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(
                base64)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
