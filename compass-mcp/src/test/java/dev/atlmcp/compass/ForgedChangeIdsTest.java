package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * A Compass change id carries its record, so anyone holding one can take it apart: re-encoded for another person, with
 * other values, or invented from nothing (say, a label removal no tool offers), it is refused because only the server
 * can sign it.
 */
@QuarkusTest
class ForgedChangeIdsTest extends SandboxReset {

    private static final Map<String, String> MALLORY = Mcp.as(Mcp.tokenFor("mallory", "bob.martin@example.com"));

    private static String labelled() {
        Mcp.Result added = call(Transport.STREAMABLE, "compass_add_labels", Map.of("component", "checkout-api",
                "labels", List.of("pci")));
        assertFalse(added.isError(), added::text);
        return added.text().replaceFirst("(?s).*Change id: (\\S+).*", "$1");
    }

    static JsonObject decode(String id) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(id)))) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static String encode(JsonObject record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(record.encode().getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    private static void assertRefused(String id, String why, Map<String, String> as) {
        try (AuditEvents audit = AuditEvents.capture()) {
            Mcp.Result refused = call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", id), as);
            assertTrue(refused.isError(), refused::text);
            assertTrue(refused.text().startsWith("Change "), refused.text());
            assertTrue(refused.text().endsWith(" cannot be undone: " + why + ". Nothing was changed; the refusal is "
                    + "in the audit log. Undo it by hand if it should be undone."), refused.text());
            assertEquals("unverified_record", audit.single("compass_undo_change").getString("errorKind"));
        }
    }

    private static boolean hasLabel(String label) {
        return text(call(Transport.STREAMABLE, "compass_get_component", Map.of("component", "checkout-api")))
                .matches("(?s).*Labels: [^\\n]*\\b" + label + "\\b.*");
    }

    @Test
    void anIdReEncodedForAnotherPersonIsRefused() throws IOException {
        JsonObject record = decode(labelled()).put("subject", "mallory");
        assertRefused(encode(record), "its record was altered after this server wrote it", MALLORY);
        assertTrue(hasLabel("pci"));
    }

    @Test
    void anInventedIdIsRefused() throws IOException {
        JsonObject record = decode(labelled());
        record.remove("sig");
        record.put("subject", "mallory").put("after", new JsonObject().put("labels", new io.vertx.core.json.JsonArray(
                List.of("tier-1"))));
        assertRefused(encode(record), "its record carries no signature (records written before version 0.2.0 have "
                + "none), so this server cannot tell that it wrote it and that nobody altered it since", MALLORY);
        assertTrue(hasLabel("tier-1"), "no tool removes labels, and no forged id makes one");
    }

    @Test
    void theUnalteredIdStillUndoes() {
        String id = labelled();
        Mcp.Result undone = call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", id));
        assertFalse(undone.isError(), undone::text);
        assertFalse(hasLabel("pci"));
    }

    @Test
    void aLinkToAHostOutsideTheListIsRefused() {
        Mcp.Result refused = call(Transport.STREAMABLE, "compass_add_link", Map.of("component", "payments-api", "type",
                "DASHBOARD", "url", "https://evil.io/d?x=payments"));
        assertTrue(refused.isError(), refused::text);
        assertEquals("Nothing was sent: url points to evil.io, and links may point only to 127.0.0.1, github.com, "
                + "*.example.com, *.acme.example, *.opsgenie.com, *.slack.com. Ask an administrator to add the host to "
                + "MCP_POLICY_LINK_HOSTS if agents should link there.", refused.text());
    }
}
