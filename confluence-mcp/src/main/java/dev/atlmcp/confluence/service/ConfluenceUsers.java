package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.confluence.client.ConfluenceSite;

/** People found by name, with the ids mentions and permissions use (account id on Cloud, username on Data Center). */
@ApplicationScoped
public class ConfluenceUsers {

    /** A person; {@code email} is null when the site hides it. */
    public record Person(String name, String id, String email) {
    }

    private final ConfluenceSite site;

    ConfluenceUsers(ConfluenceSite site) {
        this.site = site;
    }

    public List<Person> find(String query, int limit) {
        String name = Arguments.text("query", query, 200, "jane").replaceAll("[\"\\\\]", " ").trim();
        Arguments.limit(limit, ConfluenceService.MAX_LIMIT);
        String cql = "type = user AND user.fullname ~ \"" + name + "\"";
        JsonNode found = site.findPeople(cql, limit);
        List<Person> people = new ArrayList<>();
        for (JsonNode result : found.path("results")) {
            JsonNode user = result.path("user");
            people.add(new Person(user.path("displayName").asText(), site.personId(user),
                    user.path("email").asText(null)));
        }
        return people;
    }
}
