package dev.atlmcp.sandbox;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;

/**
 * Writes every product request the sandbox answers, with its answer, to a JSON-lines file in the directory named by the
 * system property {@value #DIRECTORY_PROPERTY}, so a later check can hold the traffic of a whole test run against
 * Atlassian's API descriptions. Identical exchanges are written once. Without the property nothing is written.
 */
final class Traffic implements AutoCloseable {

    static final String DIRECTORY_PROPERTY = "sandbox.traffic";

    private final BufferedWriter out;
    private final Set<String> written = new HashSet<>();

    private Traffic(BufferedWriter out) {
        this.out = out;
    }

    /** A recorder writing to a file of its own, if the property names a directory. */
    static Optional<Traffic> fromSystemProperty() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null || directory.isBlank()) {
            return Optional.empty();
        }
        try {
            Path dir = Files.createDirectories(Path.of(directory));
            // Test frameworks may load this class more than once in one process, so the name does not count on it.
            Path file = dir.resolve("traffic-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".jsonl");
            return Optional.of(new Traffic(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param site
     *            the prefix of the site that answered ({@code /jira}, {@code /ex/jira/<cloudId>}, or empty for the
     *            Cloud site)
     * @param path
     *            the request's path below the site
     * @param rawQuery
     *            the request's query string as sent, or null
     */
    void record(String site, Request request, String path, String rawQuery, Response response) {
        ObjectNode line = Json.object().put("site", site).put("method", request.method()).put("path", path).put(
                "query", rawQuery);
        request.header("Content-Type").ifPresent(type -> line.put("requestType", type));
        // a test reaching the sandbox directly says so: such requests are not a server's
        request.header("X-Sandbox-Caller").ifPresent(caller -> line.put("caller", caller));
        if (request.body().length > 0 && isText(request.header("Content-Type").orElse(""))) {
            line.put("requestBody", request.bodyText());
        }
        line.put("status", response.status());
        if (response.body() != null) {
            line.put("responseType", response.contentType());
            if (!(response.body() instanceof byte[])) {
                line.put("responseBody", response.body() instanceof String text ? text : serialise(response.body()));
            }
        }
        response.headers().forEach((name, value) -> line.with("responseHeaders").put(name, value));
        String text = line.toString();
        synchronized (this) {
            if (written.add(text)) {
                try {
                    out.write(text);
                    out.newLine();
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** JSON and text bodies, and multipart ones (uploads), whose parts the contract check needs to see. */
    private static boolean isText(String contentType) {
        return contentType.contains("json") || contentType.startsWith("text/") || contentType.startsWith(
                "multipart/");
    }

    private static String serialise(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
