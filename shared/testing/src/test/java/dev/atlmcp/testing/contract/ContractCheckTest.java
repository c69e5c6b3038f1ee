package dev.atlmcp.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The check tells a request and answer that follow Atlassian's descriptions from ones that do not. */
class ContractCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path traffic;

    @Test
    void aConformingExchangePassesAndIsCountedUnderItsOperation() throws IOException {
        record(exchange("GET", "/rest/api/3/issue/OPS-1", "fields=summary", null, 200,
                "{\"id\":\"10001\",\"key\":\"OPS-1\",\"fields\":{\"summary\":\"Checkout down\"}}"));
        ContractCheck.Result result = ContractCheck.check(traffic);
        assertEquals(List.of(), result.mismatches());
        assertEquals(1, result.operations().get("Jira Cloud platform REST v3").get(
                "GET /rest/api/3/issue/{issueIdOrKey}"));
    }

    @Test
    void unknownOperationsUnknownParametersBadBodiesAndBadAnswersAreMismatches() throws IOException {
        record(exchange("GET", "/rest/api/3/issue/OPS-1/nonsense", null, null, 200, "{}"));
        record(exchange("GET", "/rest/api/3/issue/OPS-1", "colour=red", null, 200, "{\"id\":\"1\",\"key\":\"OPS-1\"}"));
        record(exchange("POST", "/rest/api/3/issue", null, "{\"fields\":\"OPS\"}", 201, "{\"id\":\"1\"}"));
        record(exchange("GET", "/wiki/api/v2/pages/131075", null, null, 200, "{\"id\":131075,\"version\":\"two\"}"));
        record(exchange("GET", "/wiki/download/attachments/131075/a.csv", null, null, 200, null));
        List<String> mismatches = ContractCheck.check(traffic).mismatches();
        assertEquals(5, mismatches.stream().map(m -> m.substring(0, m.indexOf(" -> "))).distinct().count(),
                () -> String.join("\n", mismatches));
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("validation.request.path.missing")),
                mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("validation.request.parameter.query.unexpected")
                && m.contains("colour")), mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("validation.request.body.schema")),
                mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("validation.response.body.schema")),
                mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("not an API operation")), mismatches::toString);
    }

    @Test
    void compassDocumentsAreValidatedAgainstTheSandboxSchemaAndDataCenterIsListedUnverified() throws IOException {
        ObjectNode good = exchange("POST", "/gateway/api/graphql", null, "{\"query\":\"query tenant { tenantContexts"
                + "(hostNames: [\\\"x\\\"]) { cloudId } }\"}", 200, "{}");
        ObjectNode bad = exchange("POST", "/gateway/api/graphql", null, "{\"query\":\"query { noSuchField }\"}", 200,
                "{}");
        ObjectNode dataCenter = exchange("GET", "/rest/api/2/issue/OPS-1", null, null, 200, "{}").put("site",
                "/jira");
        record(good);
        record(bad);
        record(dataCenter);
        ContractCheck.Result result = ContractCheck.check(traffic);
        assertEquals(1, result.mismatches().size(), result::summary);
        assertTrue(result.mismatches().get(0).contains("noSuchField"), result::summary);
        assertEquals(1, result.unverified().get("Jira Data Center").get("GET /rest/api/2/issue/{key}"));
    }

    @Test
    void aServerUsingADeprecatedOperationIsAMismatchATestReachingItDirectlyIsNot() throws IOException {
        record(exchange("GET", "/wiki/rest/api/content/131075/property/k", null, null, 404, null));
        record(exchange("PUT", "/wiki/rest/api/content/131075/property/k", null, "{\"key\":\"k\",\"value\":{\"n\":1},"
                + "\"version\":{\"number\":2}}", 404, null).put("caller", "test"));
        List<String> mismatches = ContractCheck.check(traffic).mismatches();
        assertEquals(1, mismatches.size(), mismatches::toString);
        assertTrue(mismatches.get(0).startsWith("GET /wiki/rest/api/content/131075/property/k -> 404: a deprecated "
                + "operation (v1 content properties deprecated"), mismatches::toString);
    }

    private static ObjectNode exchange(String method, String path, String query, String requestBody, int status,
            String responseBody) {
        ObjectNode line = JSON.createObjectNode().put("site", "").put("method", method).put("path", path).put(
                "query", query);
        if (requestBody != null) {
            line.put("requestType", "application/json").put("requestBody", requestBody);
        }
        line.put("status", status);
        if (responseBody != null) {
            line.put("responseType", "application/json").put("responseBody", responseBody);
        }
        return line;
    }

    private void record(ObjectNode line) throws IOException {
        Files.writeString(traffic.resolve("traffic-1.jsonl"), line + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
