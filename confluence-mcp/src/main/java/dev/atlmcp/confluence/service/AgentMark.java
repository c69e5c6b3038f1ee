package dev.atlmcp.confluence.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.confluence.client.ConfluenceClient;

/** Labels pages an agent wrote to with {@code MCP_POLICY_MARK_LABEL}, so people can find them. */
@ApplicationScoped
public class AgentMark {

    private final ConfluenceClient client;
    private final AtlassianConfig config;
    private final WritePipeline pipeline;

    AgentMark(@RestClient ConfluenceClient client, AtlassianConfig config, WritePipeline pipeline) {
        this.client = client;
        this.config = config;
        this.pipeline = pipeline;
    }

    /** The write has happened, so a failure here becomes a note for the caller, not an error. */
    Optional<String> mark(String pageId, String done) {
        return pipeline.mark("page " + pageId, label -> {
            ArrayNode labels = JsonNodeFactory.instance.arrayNode();
            labels.addObject().put("prefix", "global").put("name", label);
            if (config.isDataCenter()) {
                client.addDataCenterLabels(pageId, labels);
            } else {
                client.addCloudLabels(pageId, labels);
            }
        }, done);
    }
}
