package dev.atlmcp.sandbox.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/** A {@code multipart/form-data} request body's parts, as the products read file uploads. */
public final class Multipart {

    /** One part: its form field name, file name (null for a plain field), content type and bytes. */
    public record Part(String name, String filename, String contentType, byte[] content) {

        /** A file in the part {@code file}, where Jira and Confluence take uploads. */
        public boolean isFile() {
            return "file".equals(name) && filename != null;
        }

        /** The content type without parameters, {@code application/octet-stream} when the part gives none. */
        public String mediaType() {
            return contentType == null ? "application/octet-stream" : contentType.split(";")[0].trim();
        }
    }

    /**
     * Whether the request carries {@code X-Atlassian-Token: no-check} (or {@code nocheck}), without which Jira's and
     * Confluence's XSRF check refuses an upload.
     */
    public static boolean passesXsrfCheck(Request request) {
        return request.header("X-Atlassian-Token").map(t -> t.equalsIgnoreCase("no-check") || t.equalsIgnoreCase(
                "nocheck")).orElse(false);
    }

    private Multipart() {
    }

    /** The parts of the request's body; 415 unless it is {@code multipart/form-data}, 400 if it cannot be read. */
    public static List<Part> parts(Request request) {
        String type = request.header("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiException.jira(415, "Unsupported Media Type: expected multipart/form-data, got '" + type + "'");
        }
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1)
                .build());
        List<Part> parts = new ArrayList<>();
        try {
            stream.parseHeadless(new ByteArrayInputStream(request.body()), type);
            String name = null;
            String filename = null;
            String contentType = null;
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                case T_START_BODYPART -> {
                    name = null;
                    filename = null;
                    contentType = null;
                }
                case T_FIELD -> {
                    RawField field = new RawField(stream.getField().getName(), stream.getField().getBody());
                    if (field.getNameLowerCase().equals("content-disposition")) {
                        for (NameValuePair parameter : RawFieldParser.DEFAULT.parseRawBody(field).getParams()) {
                            if (parameter.getName().equalsIgnoreCase("name")) {
                                name = parameter.getValue();
                            } else if (parameter.getName().equalsIgnoreCase("filename")) {
                                filename = parameter.getValue();
                            }
                        }
                    } else if (field.getNameLowerCase().equals("content-type")) {
                        contentType = field.getBody().trim();
                    }
                }
                case T_BODY -> {
                    try (InputStream body = stream.getDecodedInputStream()) {
                        parts.add(new Part(name, filename, contentType, body.readAllBytes()));
                    }
                }
                default -> {
                    // headers and boundaries carry nothing more
                }
                }
            }
        } catch (IOException | MimeException e) {
            throw ApiException.badRequest("The multipart body could not be read: " + e.getMessage());
        }
        return parts;
    }
}
