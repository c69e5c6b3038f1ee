package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.compass.CompassApi;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** The Compass tools against the sandbox's GraphQL gateway with its 32-component catalog. */
@QuarkusTest
class CompassToolsTest extends SandboxReset {

    private static final Pattern ID = Pattern.compile("Id: (ari:cloud:compass:\\S+)");
    private static final Pattern CURSOR = Pattern.compile("cursor=\"([^\"]+)\"");

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getComponentBySlugShowsOwnerLabelsFieldsAndLinks(Transport transport) {
        Mcp.Result result = call(transport, "compass_get_component", Map.of("component", "checkout-api"));
        assertFalse(result.isError(), () -> text(result));
        String md = text(result);
        assertTrue(md.startsWith("# checkout-api\nService · slug checkout-api · active\nId: ari:cloud:compass:"
                + CompassApi.CLOUD_ID + ":component/"), md);
        assertTrue(md.contains("\nOwner team: ari:cloud:teams::team/"), md);
        assertTrue(md.contains("\nLabels: tier-1, checkout, java\nTier: tier-1\nCost center: CC-"), md);
        assertTrue(Pattern.compile("\n⟦data checkout-api description⟧\nTakes orders from the storefront "
                + "and mobile app(?s:.*)\n⟦/data⟧\n").matcher(md).find(), md);
        assertTrue(md.contains("- Document: [Runbook: checkout-api latency](https://acme.atlassian.net/wiki/spaces/OPS/"
                + "pages/131075)"), md);
        assertTrue(md.contains("- Repository: [checkout-api](https://github.com/acme/checkout-api)"), md);
    }

    @Test
    void getComponentByIdFindsTheSameComponentAndTheCloudIdIsReadOnce() {
        Mcp.sandbox().clearRequests();
        String bySlug = text(call(Transport.STREAMABLE, "compass_get_component", Map.of("component",
                "payment-gateway")));
        Matcher id = ID.matcher(bySlug);
        assertTrue(id.find(), bySlug);
        String byId = text(call(Transport.STREAMABLE, "compass_get_component", Map.of("component", id.group(1))));
        assertEquals(Mcp.withoutNonce(bySlug), Mcp.withoutNonce(byId));
        assertTrue(byId.startsWith("# Payment Gateway\n"), byId);
        text(call(Transport.STREAMABLE, "compass_get_component", Map.of("component", "ledger-service")));
        long discoveries = Mcp.sandbox().requests().stream().filter(r -> r.startsWith("GET /_edge/tenant_info"))
                .count();
        assertTrue(discoveries <= 1, Mcp.sandbox().requests()::toString);
        assertEquals(3, Mcp.sandbox().requests().stream().filter(r -> r.equals("POST /gateway/api/graphql 200"))
                .count());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void searchPagesThroughTheWholeCatalog(Transport transport) {
        Set<String> names = new HashSet<>();
        Map<String, Object> arguments = new HashMap<>(Map.of("limit", 10));
        String page = text(call(transport, "compass_search_components", arguments));
        assertTrue(page.startsWith("10 components of 32. More: call again with cursor=\""), page);
        for (int pages = 1; pages < 10; pages++) {
            page.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Name") && !l.startsWith("| ---"))
                    .forEach(l -> assertTrue(names.add(l.split(" \\| ")[0]), l));
            Matcher cursor = CURSOR.matcher(page);
            if (!cursor.find()) {
                break;
            }
            arguments.put("cursor", cursor.group(1));
            page = text(call(transport, "compass_search_components", arguments));
        }
        assertTrue(page.startsWith("2 components of 32. Last page."), page);
        assertEquals(32, names.size());
    }

    @Test
    void searchFiltersByTextTypeAndLabel() {
        String libraries = text(call(Transport.STREAMABLE, "compass_search_components", Map.of("type", "library")));
        assertTrue(libraries.startsWith("4 components of 4. Last page."), libraries);
        assertEquals(4, libraries.lines().filter(l -> l.contains(" | Library | ")).count(), libraries);

        String payments = text(call(Transport.STREAMABLE, "compass_search_components", Map.of("query", "payment")));
        assertTrue(payments.contains("| Payment Gateway | Service | payment-gateway | tier-1, payments, pci |"),
                payments);
        assertTrue(payments.contains("| payments-api | Service |"), payments);

        String tier1Apps = text(call(Transport.STREAMABLE, "compass_search_components", Map.of("type", "APPLICATION",
                "label", "tier-1")));
        assertTrue(tier1Apps.startsWith("2 components of 2."), tier1Apps);
        assertTrue(tier1Apps.contains("| mobile-app |") && tier1Apps.contains("| storefront-web |"), tier1Apps);

        assertEquals("No components match.", text(call(Transport.STREAMABLE, "compass_search_components", Map.of(
                "query", "mainframe"))));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void unknownComponentsAreClearToolErrors(Transport transport) {
        Mcp.Result slug = call(transport, "compass_get_component", Map.of("component", "no-such-service"));
        assertTrue(slug.isError());
        assertEquals("Not found: Component not found. Check the key or id.", text(slug));
        Mcp.Result id = call(transport, "compass_get_component", Map.of("component", "ari:cloud:compass:"
                + CompassApi.CLOUD_ID + ":component/0f3c5a2e-7d41-4c8b-9a6e-2b1d7e4f9c30/00000000-0000-0000-0000-"
                + "000000000000"));
        assertEquals("Not found: Component not found. Check the key or id.", text(id));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void componentsAreFoundByTheirExactNameThroughSearch(Transport transport) {
        assertEquals("Not found: No component is named 'Checkout API'; find it with compass_search_components, or "
                + "give its slug or id. Check the key or id.",
                text(call(transport, "compass_get_component", Map.of(
                        "component", "Checkout API"))));
        assertTrue(text(call(transport, "compass_get_component", Map.of("component", "Payment Gateway"))).startsWith(
                "# Payment Gateway\n"), "found by its exact name");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void invalidArgumentsAreToolErrorsThatSayWhatIsWrong(Transport transport) {
        assertTrue(text(call(transport, "compass_get_component", Map.of("component",
                "ari:cloud:jira:x:issue/1"))).startsWith("Invalid argument: component 'ari:cloud:jira:x:issue/1' "
                        + "is not a Compass component id"));
        assertEquals("Invalid argument: type must be one of SERVICE, APPLICATION, LIBRARY, OTHER, got 'database'",
                text(call(transport, "compass_search_components", Map.of("type", "database"))));
        assertEquals("Invalid argument: limit must be between 1 and 50, got 51", text(call(transport,
                "compass_search_components", Map.of("limit", 51))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST /gateway")));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void atlassianFailuresBecomeClearToolErrors(Transport transport) {
        Mcp.assertAtlassianFailuresAreClearToolErrors(transport, "/gateway/api/graphql", "compass_get_component",
                Map.of("component", "checkout-api"));
        Mcp.assertAtlassianFailuresAreClearToolErrors(transport, "/gateway/api/graphql",
                "compass_search_components", Map.of("query", "payments"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void droppedConnectionIsAClearToolError(Transport transport) {
        Mcp.assertDroppedConnectionIsAClearToolError(transport, "/gateway/", "compass_search_components", Map.of());
    }
}
