package dev.atlmcp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real MCP sessions over Streamable HTTP with nothing but the JDK, for load: the soak test and the benchmark
 * ({@link McpBench}) drive servers with it. Each session initializes, calls tools and ends with {@code DELETE}.
 */
public final class McpLoad {

    /** One tool call's answer and how long it took, end to end as the client saw it. */
    public record Answer(boolean isError, String body, long nanos) {
    }

    private static final AtomicLong IDS = new AtomicLong();

    private final HttpClient http;
    private final URI url;
    private final String token;

    public McpLoad(String url, String token) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        this.url = URI.create(url);
        this.token = token;
    }

    /** Opens a session: {@code initialize}, then {@code notifications/initialized}. */
    public Session open(String clientName) throws IOException, InterruptedException {
        HttpResponse<String> init = post(null, "{\"jsonrpc\":\"2.0\",\"id\":" + IDS.incrementAndGet()
                + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"" + clientName + "\",\"version\":\"1\"}}}");
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new IOException(
                "initialize answered HTTP " + init.statusCode() + " without a session: " + init.body()));
        post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return new Session(session);
    }

    /** One MCP session. */
    public final class Session implements AutoCloseable {

        private final String id;

        private Session(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** {@code arguments}: the JSON object of the tool's arguments. */
        public Answer call(String tool, String arguments) throws IOException, InterruptedException {
            long start = System.nanoTime();
            HttpResponse<String> response = post(id, "{\"jsonrpc\":\"2.0\",\"id\":" + IDS.incrementAndGet()
                    + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments
                    + "}}");
            String body = jsonOf(response.body());
            boolean failed = response.statusCode() != 200 || !body.contains("\"result\"") || body.contains(
                    "\"isError\":true");
            return new Answer(failed, body, System.nanoTime() - start);
        }

        /** {@code tools/list}; the raw JSON-RPC answer. */
        public String listTools() throws IOException, InterruptedException {
            return jsonOf(post(id, "{\"jsonrpc\":\"2.0\",\"id\":" + IDS.incrementAndGet()
                    + ",\"method\":\"tools/list\"}").body());
        }

        /** Ends the session on the server. */
        @Override
        public void close() throws IOException, InterruptedException {
            http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer "
                    + token).header("Mcp-Session-Id", id).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private HttpResponse<String> post(String session, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC message of an answer sent as JSON or as an event stream. */
    private static String jsonOf(String body) {
        if (!body.startsWith("event:") && !body.startsWith("data:") && !body.startsWith("id:")) {
            return body;
        }
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\n")) {
            if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            }
        }
        return data.toString();
    }

    /** The value at {@code percentile} (0-100) of {@code nanos}, in milliseconds. */
    public static double percentileMillis(List<Long> nanos, double percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
