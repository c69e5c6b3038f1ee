package dev.atlmcp.compass.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.changes.AgentChange;

/**
 * Compass has no place on a component to keep a change record, so a Compass change id carries the signed record itself,
 * compressed: the component, the caller, the previous and the new values and the server's signature over all of them.
 * It needs no store, survives restarts and is the same on every replica; a changed byte breaks the signature.
 */
final class CompassChangeIds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CompassChangeIds() {
    }

    /** The change with its id set to its signed record, encoded. */
    static AgentChange encode(AgentChange change, ObjectNode sealed) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(sealed.toString()));
        return change.withId(id);
    }

    /**
     * The signed record an id carries, not yet verified; throws {@link IllegalArgumentException} if it is not one or
     * was cut short.
     */
    static ObjectNode record(String id) {
        String text = id == null ? "" : id.trim();
        try {
            return (ObjectNode) gunzip(Base64.getUrlDecoder().decode(text));
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("change_id must be the whole change id a Compass write answered (it "
                    + "is long; copy all of it), got '" + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static JsonNode gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return JSON.readTree(in.readAllBytes());
        }
    }
}
