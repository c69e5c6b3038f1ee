package dev.atlmcp.platform.toolsets;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.atlmcp.auth.inbound.McpHttpRequest;

/**
 * The tool sets a client asks for in the MCP URL ({@code /mcp?toolsets=core,agile}), read on every request to
 * {@code /mcp} and below: Streamable HTTP clients post to the URL they were given, and the legacy SSE transport's
 * message URL carries the query of the stream's URL. An unknown set name is refused with 400 and the server's sets,
 * rather than silently offering something else. The query only narrows what {@link ToolSets} enables.
 */
@Singleton
public class RequestedToolSets {

    /** After the session binding (-60) and the replica route (-50), before the message gate (-40). */
    static final int ORDER = -45;
    static final String PARAMETER = "toolsets";
    private static final String KEY = "atlmcp.toolsets";

    private final ToolSets toolSets;
    private final String mcpPath;

    RequestedToolSets(ToolSets toolSets,
            @ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp") String mcpPath) {
        this.toolSets = toolSets;
        this.mcpPath = mcpPath;
    }

    void register(@Observes Router router) {
        router.route(mcpPath).order(ORDER).handler(this::read);
        router.route(mcpPath + "/*").order(ORDER).handler(this::read);
    }

    void read(RoutingContext ctx) {
        List<String> values = ctx.queryParam(PARAMETER);
        if (values.isEmpty()) {
            ctx.next();
            return;
        }
        List<String> names = values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(
                n -> !n.isEmpty()).toList();
        Optional<Set<String>> sets = names.isEmpty() ? Optional.empty() : toolSets.known(names);
        if (sets.isEmpty()) {
            ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(
                    new JsonObject().put("error", "invalid_toolsets").put("error_description", "The MCP URL's "
                            + PARAMETER + " parameter must name tool sets of this server, comma-separated: "
                            + String.join(", ", toolSets.names()) + " (or " + ToolSets.ALL + "). Fix the URL in "
                            + "your MCP client's settings.").encode());
            return;
        }
        ctx.put(KEY, sets.get());
        ctx.next();
    }

    /** The sets the MCP request being served asked for; null when it asked for none (or outside a request). */
    public static Set<String> current() {
        return McpHttpRequest.current().map(ctx -> ctx.<Set<String>> get(KEY)).orElse(null);
    }
}
