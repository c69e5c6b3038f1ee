package dev.atlmcp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU goes, from a Flight Recorder file made with {@code settings=profile}: each execution sample
 * counts once, for the innermost part of its stack that belongs to a known area (so the shares add up to 100%). Run:
 * {@code java -cp bench/target/classes dev.atlmcp.bench.ProfileSplit mcp.jfr}.
 */
public final class ProfileSplit {

    /** Areas by the start of a frame's class name, innermost first wins; the order settles a class in two areas. */
    private static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("secret masking", List.of("dev.atlmcp.platform.content.SecretMasker",
                "dev.atlmcp.platform.content.KeywordScan"));
        AREAS.put("bearer token verification", List.of("io.quarkus.oidc", "org.jose4j", "io.smallrye.jwt",
                "dev.atlmcp.auth.inbound.VerifiedTokens"));
        AREAS.put("Markdown rendering", List.of("dev.atlmcp.adf.", "dev.atlmcp.jira.render"));
        AREAS.put("audit events and logs", List.of("dev.atlmcp.platform.audit", "org.jboss.logmanager",
                "org.jboss.logging", "dev.atlmcp.platform.observability"));
        AREAS.put("argument schema validation", List.of("io.vertx.json.schema"));
        AREAS.put("JSON", List.of("com.fasterxml.jackson", "io.vertx.core.json", "io.quarkus.vertx.runtime.jackson"));
        AREAS.put("metrics", List.of("io.micrometer"));
        AREAS.put("REST client to Atlassian", List.of("org.jboss.resteasy.reactive.client", "io.quarkus.rest.client",
                "dev.atlmcp.platform.atlassian", "io.smallrye.faulttolerance", "io.vertx.core.http.impl.HttpClient"));
        AREAS.put("inbound checks", List.of("dev.atlmcp.auth"));
        AREAS.put("tools, services and interceptors", List.of("dev.atlmcp."));
        AREAS.put("CDI", List.of("io.quarkus.arc"));
        AREAS.put("MCP library", List.of("io.quarkiverse.mcp"));
        AREAS.put("Quarkus security", List.of("io.quarkus.security", "io.quarkus.vertx.http.runtime.security"));
        AREAS.put("HTTP server and network (Vert.x, Netty)", List.of("io.netty", "io.vertx", "io.quarkus.vertx"));
    }

    private ProfileSplit() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Integer> samples = new LinkedHashMap<>();
        AREAS.keySet().forEach(area -> samples.put(area, 0));
        samples.put("other (JDK, JIT, garbage collection)", 0);
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                samples.merge(area(event.getStackTrace().getFrames()), 1, Integer::sum);
                total++;
            }
        }
        System.out.printf("%d execution samples%n| area | share |%n|---|---|%n", total);
        for (Map.Entry<String, Integer> area : samples.entrySet()) {
            System.out.printf("| %s | %.1f%% |%n", area.getKey(), 100.0 * area.getValue() / Math.max(total, 1));
        }
    }

    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> area : AREAS.entrySet()) {
                if (area.getValue().stream().anyMatch(type::startsWith)) {
                    return area.getKey();
                }
            }
        }
        return "other (JDK, JIT, garbage collection)";
    }
}
