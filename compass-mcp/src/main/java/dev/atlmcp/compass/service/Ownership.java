package dev.atlmcp.compass.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.ComponentDto;

/** Who owns a component: its owner team with the members, and the component's on-call and chat contacts. */
@ApplicationScoped
public class Ownership {

    private static final Set<String> CONTACT_LINKS = Set.of("ON_CALL", "CHAT_CHANNEL");

    /** {@code teamId} is null when the component has no owner; {@code teamName} when the team could not be read. */
    public record Owner(ComponentDto component, String teamId, String teamName, String teamDescription,
            List<CompassCatalog.Member> members, List<ComponentDto.Link> contacts) {
    }

    private final CompassService compass;
    private final CompassCatalog catalog;

    Ownership(CompassService compass, CompassCatalog catalog) {
        this.compass = compass;
        this.catalog = catalog;
    }

    public Owner owner(String component) {
        ComponentDto found = compass.component(component);
        List<ComponentDto.Link> contacts = found.links() == null ? List.of()
                : found.links().stream().filter(l -> CONTACT_LINKS.contains(l.type())).toList();
        if (found.ownerId() == null || found.ownerId().isBlank()) {
            return new Owner(found, null, null, null, List.of(), contacts);
        }
        CompassCatalog.Team team = catalog.ownerTeam(found.id());
        if (team == null) {
            return new Owner(found, found.ownerId(), null, null, List.of(), contacts);
        }
        return new Owner(found, found.ownerId(), team.name(), team.description(), team.members(), contacts);
    }
}
