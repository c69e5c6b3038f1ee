package dev.atlmcp.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.vertx.core.json.JsonObject;

/**
 * A minimal legacy-SSE MCP client (GET the stream, POST to the announced messages endpoint) that sends a bearer token
 * on every request. McpAssured 1.10.1's SSE client sends no credentials on its GET, so it cannot reach a protected
 * {@code /mcp/sse}.
 */
public final class SseMcpClient implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String token;
    private final Map<String, String> headers;
    private final URI messages;
    private final Thread reader;
    private final Function<JsonObject, JsonObject> elicitation;
    private final List<JsonObject> elicitations = new CopyOnWriteArrayList<>();

    public SseMcpClient(URI base, String token) throws Exception {
        this(base, token, Map.of());
    }

    /** A client whose every request also carries {@code headers}. */
    public SseMcpClient(URI base, String token, Map<String, String> headers) throws Exception {
        this(base.resolve("/mcp/sse"), token, headers, null);
    }

    /** A client of the stream at {@code path}, e.g. {@code /mcp/sse?toolsets=core}. */
    public static SseMcpClient at(URI base, String path, String token) throws Exception {
        return new SseMcpClient(base.resolve(path), token, Map.of(), null);
    }

    /**
     * A client that declares the elicitation capability and answers each {@code elicitation/create} request with
     * {@code answer} applied to its params (e.g. {@code {"action": "accept", "content": {...}}}).
     */
    public static SseMcpClient answeringElicitations(URI base, String token, Function<JsonObject, JsonObject> answer)
            throws Exception {
        return new SseMcpClient(base.resolve("/mcp/sse"), token, Map.of(), request -> answer.apply(request
                .getJsonObject("params")));
    }

    /** Like {@link #answeringElicitations}, with the whole {@code elicitation/create} request (its id too). */
    public static SseMcpClient answeringElicitationRequests(URI base, String token,
            Function<JsonObject, JsonObject> answer) throws Exception {
        return new SseMcpClient(base.resolve("/mcp/sse"), token, Map.of(), answer);
    }

    /** Where this session's messages are posted: {@code /mcp/messages/<session>}. */
    public URI messages() {
        return messages;
    }

    /** Posts {@code body} as it is to this session's messages endpoint, for tests of what the server refuses. */
    public HttpResponse<String> postRaw(String body) throws Exception {
        return http.send(withHeaders(HttpRequest.newBuilder(messages)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private SseMcpClient(URI stream, String token, Map<String, String> headers,
            Function<JsonObject, JsonObject> elicitation) throws Exception {
        this.token = token;
        this.headers = headers;
        this.elicitation = elicitation;
        HttpRequest get = withHeaders(HttpRequest.newBuilder(stream)).header("Accept",
                "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (var body = response.body()) {
                throw new IllegalStateException("SSE connect answered " + response.statusCode() + ": " + new String(
                        body.readNBytes(2000), StandardCharsets.UTF_8));
            }
        }
        reader = new Thread(() -> read(response.body()), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        messages = stream.resolve(next());
        JsonObject capabilities = elicitation == null ? new JsonObject() : new JsonObject().put("elicitation",
                new JsonObject());
        request("initialize", new JsonObject().put("protocolVersion", elicitation == null ? "2024-11-05"
                : "2025-06-18").put("capabilities", capabilities).put("clientInfo", new JsonObject().put("name",
                        "sse-test").put("version", "1")));
        post(new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
    }

    /**
     * Sends a request and waits for its response on the stream. The POST is not awaited first: the server may answer it
     * only once the request is done, and meanwhile ask this client something (elicitation).
     */
    public JsonObject request(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(postRequest(new JsonObject().put("jsonrpc",
                "2.0").put("id", id).put("method", method).put("params", params)), HttpResponse.BodyHandlers
                        .discarding());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (sent.isDone() && sent.get().statusCode() >= 300) {
                throw new IllegalStateException("POST " + messages + " answered " + sent.get().statusCode());
            }
            String data = events.poll(100, TimeUnit.MILLISECONDS);
            if (data == null) {
                continue;
            }
            JsonObject message = new JsonObject(data);
            if ("elicitation/create".equals(message.getString("method")) && elicitation != null) {
                elicitations.add(message.getJsonObject("params"));
                post(new JsonObject().put("jsonrpc", "2.0").put("id", message.getValue("id")).put("result",
                        elicitation.apply(message)));
            } else if (!message.containsKey("method") && Integer.valueOf(id).equals(message.getInteger("id"))) {
                return message;
            }
        }
        throw new IllegalStateException("No answer to " + method + " within 30 s");
    }

    /** The params of every elicitation request this client answered. */
    public List<JsonObject> elicitations() {
        return List.copyOf(elicitations);
    }

    public JsonObject callTool(String name, Map<String, Object> arguments) throws Exception {
        return request("tools/call", new JsonObject().put("name", name).put("arguments", new JsonObject(arguments)));
    }

    private HttpRequest postRequest(JsonObject message) {
        return withHeaders(HttpRequest.newBuilder(messages)).header("Content-Type", "application/json").POST(
                HttpRequest.BodyPublishers.ofString(message.encode())).timeout(Duration.ofSeconds(30)).build();
    }

    private void post(JsonObject message) throws Exception {
        int status = http.send(postRequest(message), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 300) {
            throw new IllegalStateException("POST " + messages + " answered " + status);
        }
    }

    private HttpRequest.Builder withHeaders(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + token);
        headers.forEach(request::setHeader);
        return request;
    }

    private String next() throws InterruptedException {
        String data = events.poll(30, TimeUnit.SECONDS);
        if (data == null) {
            throw new IllegalStateException("No SSE event within 30 s");
        }
        return data;
    }

    private void read(java.io.InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    events.add(data.toString());
                    data.setLength(0);
                }
            }
        } catch (java.io.IOException e) {
            // the stream ends when the client closes
        }
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
