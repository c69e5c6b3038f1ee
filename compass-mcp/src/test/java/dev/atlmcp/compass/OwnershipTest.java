package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** compass_who_owns: the owner team, its members and the component's contacts. */
@QuarkusTest
class OwnershipTest extends SandboxReset {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theOwnerTeamItsMembersAndTheContactsAreNamed(Transport transport) {
        String owner = call(transport, "compass_who_owns", Map.of("component", "checkout-api")).text();
        assertTrue(owner.startsWith("# Who owns checkout-api\n⟦data "), owner);
        assertTrue(owner.matches("(?s).*\nOwner team: Checkout \\(ari:cloud:teams::team/[0-9a-f-]{36}\\)\nOrders from "
                + "cart to confirmation\n.*"), owner);
        assertTrue(owner.contains("Members: Bob Martin (" + Directory.BOB.accountId() + "), lead, Jane Doe ("
                + Directory.JANE.accountId() + ")"), owner);
        assertTrue(owner.contains("\nOn-call: Checkout on-call https://acme.app.opsgenie.com/teams/checkout\nChat: "
                + "#team-checkout https://acme.slack.com/archives/C0CHECKOUT\n"), owner);
    }

    @Test
    void whoOwnsCustomerApiAnswersWithTheIdentityTeam() {
        String owner = call(Transport.STREAMABLE, "compass_who_owns", Map.of("component", "customer-api")).text();
        assertTrue(owner.contains("Owner team: Identity (") && owner.contains("Members: Jane Doe (" + Directory.JANE
                .accountId() + "), lead"), owner);
        Mcp.Result missing = call(Transport.STREAMABLE, "compass_who_owns", Map.of("component", "no-such"));
        assertTrue(missing.isError() && missing.text().startsWith("Not found"), missing.text());
        assertTrue(call(Transport.STREAMABLE, "compass_who_owns", Map.of("component", "Payment Gateway")).text()
                .contains("Owner team: Payments ("), "a component found by its exact name");
    }
}
