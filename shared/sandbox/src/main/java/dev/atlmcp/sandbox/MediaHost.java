package dev.atlmcp.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The media store Confluence Cloud redirects attachment downloads to: a host of its own (another port here), serving
 * each file under a pre-signed URL for a few minutes. Like Atlassian's, it refuses a request that carries credentials
 * (a client following the redirect with the site's credentials would hand them to another host), and URLs it did not
 * sign.
 */
public final class MediaHost implements AutoCloseable {

    /** How long a signed URL works. */
    static final Duration VALID = Duration.ofMinutes(10);

    private record File(byte[] content, String mediaType, Instant expires) {
    }

    private final HttpServer server;
    private final String url;
    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    MediaHost(String host) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, 0), 64);
        url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getAddress().getPort();
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-media");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/file/", this::handle);
        server.start();
    }

    /** A URL that serves {@code content} without credentials for {@link #VALID}. */
    public String sign(byte[] content, String mediaType) {
        byte[] token = new byte[16];
        random.nextBytes(token);
        String id = HexFormat.of().formatHex(token);
        files.put(id, new File(content, mediaType, clock.instant().plus(VALID)));
        return url + "/file/" + id + "/binary?client=sandbox&dl=true";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        File file = parts.length == 4 && "binary".equals(parts[3]) ? files.get(parts[2]) : null;
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            send(exchange, 401, "{\"error\":\"The media store does not accept the site's credentials; the signed URL "
                    + "is the authorisation.\"}", "application/json");
        } else if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"error\":\"Method not allowed\"}", "application/json");
        } else if (file == null || file.expires().isBefore(clock.instant())) {
            send(exchange, 404, "{\"error\":\"No file at this URL, or its signature expired.\"}", "application/json");
        } else {
            exchange.getResponseHeaders().set("Content-Type", file.mediaType());
            exchange.sendResponseHeaders(200, file.content().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(file.content());
            }
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
