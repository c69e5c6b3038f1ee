package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * Change records live in content properties, which anyone who can edit the page can rewrite. Undo acts only on records
 * the server signed and nobody altered.
 */
@QuarkusTest
class ForgedRecordsTest extends SandboxReset {

    private static final String PROPERTIES = "/wiki/rest/api/content/131076/property/";
    private static final Map<String, String> MALLORY = Mcp.as(Mcp.tokenFor("mallory", "bob.martin@example.com"));

    private static String labelled() {
        Mcp.Result added = call(Transport.STREAMABLE, "confluence_add_labels", Map.of("page_id", "131076", "labels",
                List.of("ledger")));
        assertFalse(added.isError(), added::text);
        return added.text().replaceFirst("(?s).*Change id: (131076~[a-z2-7]{10}) .*", "$1");
    }

    private static String property(String changeId) {
        return PROPERTIES + "atlmcp.change." + changeId.substring(changeId.indexOf('~') + 1);
    }

    private static void assertRefused(String changeId, String why) {
        try (AuditEvents audit = AuditEvents.capture()) {
            Mcp.Result refused = call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", changeId),
                    MALLORY);
            assertTrue(refused.isError(), refused::text);
            assertEquals("Change " + changeId + " cannot be undone: " + why + ". Nothing was changed; the refusal is "
                    + "in the audit log. Undo it by hand if it should be undone.", refused.text());
            assertEquals("unverified_record", audit.single("confluence_undo_change").getString("errorKind"));
        }
        assertTrue(call(Transport.STREAMABLE, "confluence_get_labels", Map.of("page_id", "131076")).text().contains(
                "ledger"), "the label stays");
    }

    @Test
    void aRecordRewrittenForAnotherPersonIsRefused() {
        String id = labelled();
        JsonObject stored = new JsonObject(SandboxSite.get(property(id)));
        JsonObject value = stored.getJsonObject("value").put("subject", "mallory");
        SandboxSite.send(Directory.BOB, "PUT", property(id), new JsonObject().put("key", stored.getString("key")).put(
                "value", value).put("version",
                        new JsonObject().put("number", stored.getJsonObject("version")
                                .getInteger("number") + 1))
                .encode());
        assertRefused(id, "its record was altered after this server wrote it");
    }

    @Test
    void anInventedRecordIsRefused() {
        String id = labelled();
        JsonObject value = new JsonObject(SandboxSite.get(property(id))).getJsonObject("value").put("changeId",
                "131076~aaaaaaaaaa").put("subject", "mallory");
        value.remove("sig");
        SandboxSite.send(Directory.BOB, "POST", PROPERTIES.substring(0, PROPERTIES.length() - 1), new JsonObject().put(
                "key", "atlmcp.change.aaaaaaaaaa").put("value", value).encode());
        assertRefused("131076~aaaaaaaaaa", "its record carries no signature (records written before version 0.2.0 "
                + "have none), so this server cannot tell that it wrote it and that nobody altered it since");
    }
}
