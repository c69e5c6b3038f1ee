package dev.atlmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** ROUTES.md is the sandbox's route map: every endpoint it serves, with the class that serves it. */
class RouteMapTest extends SandboxSiteTest {

    private static final Path FILE = Path.of("ROUTES.md");

    @Test
    void routesMdIsTheRouteMap() throws IOException {
        String map = sandbox.routeMap();
        assertTrue(map.contains("| GET | `/rest/api/3/search/jql` | `JiraApi` |"), map);
        assertTrue(map.contains("| POST | `/jira/rest/api/2/search` | `JiraApi` |"), map);
        if (Boolean.getBoolean("routes.update")) {
            Files.writeString(FILE, map, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(map, Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "", FILE
                + " is out of date with the sandbox; run ./mvnw verify -pl shared/sandbox -Dtest=RouteMapTest "
                + "-Droutes.update=true");
    }
}
