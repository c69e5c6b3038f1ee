package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** Scorecards, custom field definitions, the owner team filter and "my components" with a shared account. */
@QuarkusTest
class CatalogReadsTest extends SandboxReset {

    static final String PAYMENTS = "ari:cloud:teams::team/" + UUID.nameUUIDFromBytes("team-payments".getBytes(
            StandardCharsets.UTF_8));

    @ParameterizedTest
    @EnumSource(Transport.class)
    void scorecardsShowScoresAndTheCriteriaAComponentFails(Transport transport) {
        String md = text(call(transport, "compass_get_scorecards", Map.of("component", "payments-api")));
        assertTrue(md.startsWith("# payments-api: scorecards\n"), md);
        assertTrue(md.contains("| Service readiness | required | 100/100 | passing | none |"), md);
        assertTrue(md.contains("| Security baseline | recommended | 25/100 | failing | Has an on-call link (0/50); "
                + "Has a chat channel (0/25) |"), md);
        String component = text(call(transport, "compass_get_component", Map.of("component", "payments-api")));
        assertTrue(component.contains("\nScorecards: Service readiness 100/100 passing, Security baseline 25/100 "
                + "failing (compass_get_scorecards for the criteria)\n"), component);
    }

    @Test
    void scorecardsStillAnswerWhenTheSiteDoesNotReportCriteria() {
        Mcp.sandbox().addFault(SandboxControl.fault().put("pathPrefix", "/gateway/api/graphql").put("bodyContains",
                "query criteria").put("status", 400));
        try {
            String md = text(call(Transport.STREAMABLE, "compass_get_scorecards", Map.of("component", "payments-api")));
            assertTrue(md.contains("| Security baseline | recommended | 25/100 | failing | (not reported by this "
                    + "Compass site) |"), md);
        } finally {
            Mcp.sandbox().clearFaults();
        }
    }

    @Test
    void scorecardErrorsAreClear() {
        Mcp.Result missing = call(Transport.STREAMABLE, "compass_get_scorecards", Map.of("component", "no-such-thing"));
        assertTrue(missing.isError() && missing.text().startsWith("Not found: Component not found"), missing.text());
        assertTrue(text(call(Transport.STREAMABLE, "compass_get_scorecards", Map.of("component", " "))).startsWith(
                "Invalid argument: component"));
    }

    @Test
    void customFieldsAreListedWithTheirKindsAndOptions() {
        String md = text(call(Transport.STREAMABLE, "compass_list_custom_fields", Map.of()));
        assertTrue(md.startsWith("5 custom fields;"), md);
        assertTrue(md.contains("| Tier | single select | tier-1, tier-2, tier-3 | How critical the component is | "
                + "field-tier |"), md);
        assertTrue(md.contains("| SLO target | number |  | Availability objective, in percent | field-slo-target |"),
                md);
    }

    @Test
    void searchFiltersByOwnerTeam() {
        String md = text(call(Transport.STREAMABLE, "compass_search_components", Map.of("owner_team", PAYMENTS,
                "limit", 50)));
        assertTrue(md.startsWith("6 components"), md);
        assertTrue(md.contains("| ledger-service |") && !md.contains("| checkout-api |"), md);
        assertEquals("Invalid argument: owner_team must be a team id like ari:cloud:teams::team/<uuid> "
                + "(compass_who_owns and compass_get_component show a component's), got 'Payments'",
                text(call(
                        Transport.STREAMABLE, "compass_search_components", Map.of("owner_team", "Payments"))));
    }

    @Test
    void myComponentsIsRefusedWithASharedAccountAndSaysWhatToDoInstead() {
        Mcp.Result refused = call(Transport.STREAMABLE, "compass_my_components", Map.of());
        assertTrue(refused.isError());
        assertTrue(refused.text().startsWith("compass_my_components needs each caller's own Atlassian token"),
                refused.text());
        assertTrue(refused.text().contains("owner_team"));
        assertFalse(refused.text().contains("Exception"));
    }
}
