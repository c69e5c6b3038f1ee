package dev.atlmcp.compass.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.auth.changes.AgentChange;

/**
 * Compass has no place on a component to keep a change record, so a Compass change id carries the record itself: the
 * component, the caller, the previous and the new values, compressed and checksummed ({@code <data>.<checksum>}). It
 * needs no store, survives restarts and is the same on every replica.
 */
final class CompassChangeIds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHECKSUM = 8;

    private CompassChangeIds() {
    }

    /** The change with its id set to the encoded record. */
    static AgentChange encode(AgentChange change) {
        ObjectNode record = change.toJson();
        record.remove("changeId");
        String data = Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(record.toString()));
        String id = data + "." + checksum(data);
        return new AgentChange(id, change.tool(), change.action(), change.item(), change.summary(), change.at(),
                change.subject(), change.before(), change.after(), change.undoneAt());
    }

    /** The change an id carries; throws {@link IllegalArgumentException} if it is not one or was cut short. */
    static AgentChange decode(String id) {
        String text = id == null ? "" : id.trim();
        int dot = text.lastIndexOf('.');
        if (dot < 1 || !text.substring(dot + 1).equals(checksum(text.substring(0, dot)))) {
            throw new IllegalArgumentException("change_id must be the whole change id a Compass write "
                    + "answered (it is long; copy all of it), got '" + abbreviate(text) + "'");
        }
        try {
            ObjectNode record = (ObjectNode) gunzip(Base64.getUrlDecoder().decode(text.substring(0, dot)));
            record.put("changeId", text);
            return AgentChange.fromJson(record);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("change_id '" + abbreviate(text) + "' cannot be read; copy the whole "
                    + "change id from the answer of the write");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static String checksum(String data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(
                    StandardCharsets.US_ASCII)), 0, CHECKSUM / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
