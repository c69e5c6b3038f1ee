package dev.atlmcp.platform.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.buffer.Buffer;

/**
 * A file an agent gives in a tool call to attach, as text or base64 with its declared media type: checked name, type
 * and size. It is never read from a path: nothing on the server's disk can be attached.
 */
public record UploadedFile(String name, String mediaType, byte[] content) {

    private static final int MAX_NAME = 255;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_"
            + ".+-]{0,126}");
    private static final Pattern UNSAFE_NAME = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}\\p{Cf}]");
    private static final Map<String, String> TEXT_TYPES = Map.ofEntries(Map.entry("txt", "text/plain"), Map.entry(
            "log", "text/plain"), Map.entry("md", "text/markdown"), Map.entry("csv", "text/csv"),
            Map.entry("json",
                    "application/json"),
            Map.entry("yaml", "application/yaml"), Map.entry("yml", "application/yaml"),
            Map.entry("xml", "application/xml"), Map.entry("sql", "application/sql"), Map.entry("sh",
                    "application/x-sh"),
            Map.entry("html", "text/html"), Map.entry("diff", "text/x-diff"), Map.entry(
                    "patch", "text/x-diff"));

    /**
     * The file the arguments describe: exactly one of {@code text} (stored as UTF-8) and {@code base64} (which needs
     * {@code mediaType}); a text file without a media type gets the one its extension names, else {@code text/plain}.
     */
    public static UploadedFile of(String filename, String text, String base64, String mediaType, int maxBytes) {
        String name = name(filename);
        boolean hasText = text != null && !text.isEmpty();
        boolean hasBase64 = base64 != null && !base64.isBlank();
        if (hasText == hasBase64) {
            throw new IllegalArgumentException("Give the file's content as exactly one of text (for text files) and "
                    + "base64 (with media_type, for any file)");
        }
        String type = mediaType == null || mediaType.isBlank() ? null : mediaType.trim().toLowerCase(Locale.ROOT);
        if (type != null && !MEDIA_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("media_type must be a media type like image/png or text/csv, got '"
                    + mediaType + "'");
        }
        byte[] content;
        if (hasText) {
            content = text.getBytes(StandardCharsets.UTF_8);
            if (type == null) {
                type = TEXT_TYPES.getOrDefault(extension(name), "text/plain");
            }
        } else {
            if (type == null) {
                throw new IllegalArgumentException("media_type is needed with base64, e.g. image/png or "
                        + "application/pdf");
            }
            String compact = base64.replaceAll("\\s", "");
            if (compact.length() / 4L * 3 > maxBytes + 3L) {
                throw tooLarge(name, compact.length() / 4L * 3, maxBytes);
            }
            try {
                content = Base64.getDecoder().decode(compact);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("base64 is not valid base64 (standard alphabet, with padding): "
                        + e.getMessage());
            }
        }
        if (content.length > maxBytes) {
            throw tooLarge(name, content.length, maxBytes);
        }
        return new UploadedFile(name, type, content);
    }

    private static IllegalArgumentException tooLarge(String name, long size, int maxBytes) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s is %,d bytes; files up to %,d bytes can be "
                + "attached here (MCP_POLICY_MAX_UPLOAD_BYTES). Attach a larger file in the product itself", name, size,
                maxBytes));
    }

    private static String name(String filename) {
        String name = filename == null ? "" : filename.trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("filename must not be empty; for example: checkout-errors.csv");
        }
        if (name.length() > MAX_NAME || UNSAFE_NAME.matcher(name).find() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("filename must be a plain file name of at most " + MAX_NAME
                    + " characters, without / \\ : * ? \" < > | or control characters, e.g. checkout-errors.csv");
        }
        return name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public long size() {
        return content.length;
    }

    /** The content's SHA-256, hex. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file as Atlassian's upload operations take it: a multipart form with the file in the part {@code file}. */
    public ClientMultipartForm form() {
        return ClientMultipartForm.create().binaryFileUpload("file", name, Buffer.buffer(content), mediaType);
    }

    /**
     * The file as a write preview and its confirmation show it: name, type, size and digest, so a confirmation holds
     * for exactly this content.
     */
    public ObjectNode describe() {
        return JsonNodeFactory.instance.objectNode().put("filename", name).put("mediaType", mediaType).put("size",
                content.length).put("sha256", sha256());
    }
}
