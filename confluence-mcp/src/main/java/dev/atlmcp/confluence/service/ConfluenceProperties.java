package dev.atlmcp.confluence.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.outbound.AtlassianException;
import dev.atlmcp.confluence.client.ConfluenceClient;

/** Content properties of pages (v1 on Cloud and Data Center): read, create, and update with the next version. */
@ApplicationScoped
public class ConfluenceProperties {

    /** A property as stored: its value and version number. */
    public record Property(JsonNode value, int version) {
    }

    private final ConfluenceClient client;
    private final AtlassianConfig config;

    ConfluenceProperties(@RestClient ConfluenceClient client, AtlassianConfig config) {
        this.client = client;
        this.config = config;
    }

    public Optional<Property> read(String pageId, String key) {
        return AtlassianException.unlessNotFound(() -> config.isDataCenter() ? client.dataCenterProperty(pageId, key)
                : client.cloudProperty(pageId, key)).map(p -> new Property(p.path("value"),
                        p.path("version").path(
                                "number").asInt(1)));
    }

    public void create(String pageId, String key, JsonNode value) {
        ObjectNode property = JsonNodeFactory.instance.objectNode().put("key", key);
        property.set("value", value);
        if (config.isDataCenter()) {
            client.createDataCenterProperty(pageId, property);
        } else {
            client.createCloudProperty(pageId, property);
        }
    }

    public void update(String pageId, String key, JsonNode value, int previousVersion) {
        ObjectNode property = JsonNodeFactory.instance.objectNode().put("key", key);
        property.set("value", value);
        property.putObject("version").put("number", previousVersion + 1);
        if (config.isDataCenter()) {
            client.updateDataCenterProperty(pageId, key, property);
        } else {
            client.updateCloudProperty(pageId, key, property);
        }
    }
}
