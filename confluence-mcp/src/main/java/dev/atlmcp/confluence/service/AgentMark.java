package dev.atlmcp.confluence.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.confluence.client.ConfluenceSite;

/** Labels pages an agent wrote to with {@code MCP_POLICY_MARK_LABEL}, so people can find them. */
@ApplicationScoped
public class AgentMark {

    private final ConfluenceSite site;
    private final WritePipeline pipeline;

    AgentMark(ConfluenceSite site, WritePipeline pipeline) {
        this.site = site;
        this.pipeline = pipeline;
    }

    /** The write has happened, so a failure here becomes a note for the caller, not an error. */
    Optional<String> mark(String pageId, String done) {
        return pipeline.mark("page " + pageId, label -> {
            ArrayNode labels = JsonNodeFactory.instance.arrayNode();
            labels.addObject().put("prefix", "global").put("name", label);
            site.addLabels(pageId, labels);
        }, done);
    }
}
