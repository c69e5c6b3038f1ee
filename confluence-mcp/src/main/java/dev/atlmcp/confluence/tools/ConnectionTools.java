package dev.atlmcp.confluence.tools;

import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolGuardrails;

import dev.atlmcp.platform.args.CheckedArguments;
import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.policy.Disconnection;
import dev.atlmcp.platform.toolcall.ToolCalls;

/** The person's own Atlassian connection, offered when the server acts as each person. */
@ToolCalls
public class ConnectionTools {

    private final Disconnection disconnection;

    ConnectionTools(Disconnection disconnection) {
        this.disconnection = disconnection;
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_disconnect_atlassian", description = """
            Disconnects your Atlassian account from this server: deletes your stored Confluence grant, so agents \
            using this server can no longer act in Confluence as you until you connect again, and says where to \
            remove the app in your Atlassian account. Offered when the server acts as each person \
            (ATLASSIAN_AUTH_MODE=oauth).""", annotations = @Tool.Annotations(title = "Disconnect my Atlassian account", readOnlyHint = false, destructiveHint = true, idempotentHint = true, openWorldHint = false))
    String confluence_disconnect_atlassian() {
        return disconnection.markdown();
    }
}
