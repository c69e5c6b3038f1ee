package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.confluence.client.ConfluenceClient;

/** People found by name, with the ids mentions and permissions use (account id on Cloud, username on Data Center). */
@ApplicationScoped
public class ConfluenceUsers {

    /** A person; {@code email} is null when the site hides it. */
    public record Person(String name, String id, String email) {
    }

    private final ConfluenceClient client;
    private final AtlassianConfig config;

    ConfluenceUsers(@RestClient ConfluenceClient client, AtlassianConfig config) {
        this.client = client;
        this.config = config;
    }

    public List<Person> find(String query, int limit) {
        String name = Arguments.text("query", query, 200, "jane").replaceAll("[\"\\\\]", " ").trim();
        Arguments.limit(limit, ConfluenceService.MAX_LIMIT);
        String cql = "type = user AND user.fullname ~ \"" + name + "\"";
        JsonNode found = config.isDataCenter() ? client.dataCenterUserSearch(cql, limit) : client.cloudUserSearch(
                cql, limit);
        List<Person> people = new ArrayList<>();
        for (JsonNode result : found.path("results")) {
            JsonNode user = result.path("user");
            people.add(new Person(user.path("displayName").asText(), user.path(config.isDataCenter() ? "username"
                    : "accountId").asText(), user.path("email").asText(null)));
        }
        return people;
    }
}
