package dev.atlmcp.testing.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atlmcp.sandbox.http.Request;

/**
 * One request a server sent to the sandbox and the sandbox's answer, as the sandbox wrote it ({@code sandbox.traffic}).
 *
 * @param site
 *            the prefix of the site that answered: empty for the Cloud site, {@code /ex/jira/<cloudId>} for the API
 *            gateway, {@code /jira} or {@code /confluence} for Data Center
 * @param path
 *            the path below the site, as sent (still percent-encoded)
 * @param fromTest
 *            sent by a test reaching the sandbox directly (to set something up or act behind an agent's back), not by a
 *            server
 */
public record RecordedExchange(String site, String method, String path, String query, String requestType,
        String requestBody, int status, String responseType, String responseBody, Map<String, String> responseHeaders,
        boolean fromTest) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every exchange in the {@code .jsonl} files of {@code directory}, each distinct one once. */
    public static List<RecordedExchange> readAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        Set<String> lines = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RecordedExchange> exchanges = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                exchanges.add(parse(line));
            }
        }
        return exchanges;
    }

    private static RecordedExchange parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            Map<String, String> headers = new LinkedHashMap<>();
            n.path("responseHeaders").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            return new RecordedExchange(n.path("site").asText(), n.path("method").asText(), n.path("path").asText(),
                    n.path("query").asText(null), n.path("requestType").asText(null), n.path("requestBody").asText(
                            null),
                    n.path("status").asInt(), n.path("responseType").asText(null), n.path("responseBody").asText(
                            null),
                    headers, n.has("caller"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query parameters, decoded, in order, each with all its values (as the sandbox read them). */
    public Map<String, List<String>> queryParameters() {
        return Request.parseQuery(query);
    }

    /** The path with each segment decoded. */
    public String decodedPath() {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + site + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
}
