package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atlmcp.compass.client.CompassQueries;
import dev.atlmcp.compass.client.ComponentDto;

/** Who owns a component: its owner team with the members, and the component's on-call and chat contacts. */
@ApplicationScoped
public class Ownership {

    private static final Set<String> CONTACT_LINKS = Set.of("ON_CALL", "CHAT_CHANNEL");

    public record Member(String name, String accountId, String role) {
    }

    /** {@code teamId} is null when the component has no owner; {@code teamName} when the team could not be read. */
    public record Owner(ComponentDto component, String teamId, String teamName, String teamDescription,
            List<Member> members, List<ComponentDto.Link> contacts) {
    }

    private final CompassService compass;
    private final CompassGateway gateway;
    private final ObjectMapper json;

    Ownership(CompassService compass, CompassGateway gateway, ObjectMapper json) {
        this.compass = compass;
        this.gateway = gateway;
        this.json = json;
    }

    public Owner owner(String component) {
        ComponentDto found = compass.component(component);
        List<ComponentDto.Link> contacts = found.links() == null ? List.of()
                : found.links().stream().filter(l -> CONTACT_LINKS.contains(l.type())).toList();
        if (found.ownerId() == null || found.ownerId().isBlank()) {
            return new Owner(found, null, null, null, List.of(), contacts);
        }
        JsonNode team = gateway.compass(CompassQueries.OWNER_TEAM, json.createObjectNode().put("id", found.id()),
                "component").path("ownerTeam");
        List<Member> members = new ArrayList<>();
        team.path("members").path("nodes").forEach(m -> members.add(new Member(m.path("member").path("name").asText(),
                m.path("member").path("accountId").asText(), m.path("role").asText(""))));
        return new Owner(found, found.ownerId(), team.path("displayName").asText(null), team.path("description")
                .asText(null), members, contacts);
    }
}
