package dev.atlmcp.testing.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import dev.atlmcp.testing.contract.ApiDescriptions.Api;

import dev.atlmcp.sandbox.oauth.AtlassianAuthServer;
import dev.atlmcp.sandbox.oauth.DataCenterAuthServer;

/**
 * Holds every request a server sent to the sandbox during the test run, and every answer, against Atlassian's published
 * API descriptions: the operation exists (method and path), its query parameters are known and the required ones
 * present, the JSON body validates against the request schema, and the answer against the response schema for its
 * status. Compass (GraphQL, no published schema) is checked against the schema the sandbox serves
 * ({@link GraphqlOperations}); Data Center has no published description, so its operations are only listed.
 */
public final class ContractCheck {

    /** What the check found. Operations are counted per API as {@code METHOD template}. */
    public record Result(Map<String, Map<String, Integer>> operations, int exchanges, int graphqlDocuments,
            Map<ContractExceptions.Entry, Integer> excepted, List<String> mismatches,
            Map<String, Map<String, Integer>> unverified, Map<String, List<Set<String>>> oauthScopes) {

        /**
         * The operations the servers used that {@code granted} does not allow, each with what its description asks for,
         * and the granted scopes no used operation mentions (besides {@code offline_access}).
         */
        public List<String> scopeProblems(Collection<String> granted) {
            List<String> problems = new ArrayList<>();
            oauthScopes.forEach((operation, alternatives) -> {
                if (alternatives.isEmpty()) {
                    problems.add(operation + ": its description names no OAuth scopes");
                } else if (alternatives.stream().noneMatch(granted::containsAll)) {
                    problems.add(operation + ": needs " + alternatives.stream().map(a -> String.join(" ", a)).collect(
                            java.util.stream.Collectors.joining(" or ")));
                }
            });
            granted.stream().filter(scope -> !scope.equals("offline_access")).filter(scope -> oauthScopes.values()
                    .stream().flatMap(List::stream).noneMatch(alternative -> alternative.contains(scope))).forEach(
                            scope -> problems.add(scope + ": asked for, but no operation used needs it"));
            return problems;
        }

        /** The summary printed after the check: what was checked, what was excepted, what failed. */
        public String summary() {
            StringBuilder out = new StringBuilder("Contract check: " + exchanges + " requests with their answers "
                    + "checked against Atlassian's API descriptions, " + graphqlDocuments + " GraphQL documents "
                    + "against the sandbox's schema; " + mismatches.size() + " mismatches.\n");
            operations.forEach((api, ops) -> {
                out.append("\n").append(api).append(": ").append(ops.size()).append(" operations\n");
                ops.forEach((op, n) -> out.append("  ").append(op).append(" (").append(n).append(")\n"));
            });
            unverified.forEach((what, ops) -> {
                out.append("\n").append(what).append(" (no published description; unverified): ").append(ops
                        .size()).append(" operations\n");
                ops.forEach((op, n) -> out.append("  ").append(op).append(" (").append(n).append(")\n"));
            });
            if (!excepted.isEmpty()) {
                out.append("\nReviewed exceptions applied:\n");
                excepted.forEach((e, n) -> out.append("  ").append(n).append("x ").append(e).append("\n"));
            }
            if (!mismatches.isEmpty()) {
                out.append("\nMismatches:\n");
                mismatches.forEach(m -> out.append("  ").append(m).append("\n"));
            }
            return out.toString();
        }
    }

    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Z][A-Z0-9_]+-\\d+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final ApiDescriptions descriptions = new ApiDescriptions();
    private final ContractExceptions exceptions = ContractExceptions.load();
    private final Deprecations deprecations = Deprecations.load();
    private final ScopeSupplements scopeSupplements = ScopeSupplements.load();
    private final GraphqlOperations graphql = new GraphqlOperations();

    /**
     * Cloud APIs with no published description, by path prefix: what the check calls them. Their scopes come from the
     * reviewed list under the API name {@link #UNPUBLISHED_API}.
     */
    private static final Map<String, String> UNPUBLISHED = Map.of("/rest/dev-status/",
            "Jira Cloud development panel (internal API)", "/rest/servicedeskapi/",
            "Jira Service Management Cloud REST", "/jsm/assets/", "Assets (JSM) Cloud REST", "/gateway/api/jsm/assets/",
            "Assets (JSM) Cloud REST");
    private static final String UNPUBLISHED_API = "JIRA_UNPUBLISHED";

    /** Checks the traffic the sandbox recorded in {@code directory}. */
    public static Result check(Path directory) {
        return new ContractCheck().run(RecordedExchange.readAll(directory));
    }

    private Result run(List<RecordedExchange> exchanges) {
        Map<String, Map<String, Integer>> operations = new TreeMap<>();
        Map<String, Map<String, Integer>> unverified = new TreeMap<>();
        Map<String, List<Set<String>>> scopes = new TreeMap<>();
        Map<ContractExceptions.Entry, Integer> excepted = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        int validated = 0;
        int documents = 0;
        for (RecordedExchange exchange : exchanges) {
            String site = exchange.site();
            if (site.equals("/jira") || site.equals("/confluence")) {
                count(unverified, (site.equals("/jira") ? "Jira" : "Confluence") + " Data Center", exchange
                        .method() + " " + template(exchange.decodedPath()));
                continue;
            }
            if (site.equals("/graphql") || exchange.path().equals("/gateway/api/graphql")) {
                documents++;
                GraphqlOperations.Checked checked = graphql.check(exchange.requestBody());
                count(unverified, "Compass GraphQL (checked against the sandbox's schema)", checked.operation());
                checked.problem().ifPresent(p -> mismatches.add(exchange + ": " + p));
                if (checked.problem().isEmpty() && !exchange.fromTest()) {
                    scopes.putIfAbsent("GraphQL " + checked.operation(), checked.scopes().isEmpty() ? List.of()
                            : List.of(checked.scopes()));
                }
                continue;
            }
            if (site.endsWith(DataCenterAuthServer.PATH)) {
                // the provider's authorize and token endpoints: documented in prose only
                count(unverified, "Data Center's OAuth 2.0 provider", exchange.method() + " " + exchange
                        .decodedPath());
                continue;
            }
            if (site.equals(AtlassianAuthServer.PREFIX) || site.equals("/oauth/token")) {
                // the consent pages (which the person's browser requests), the token endpoint and the accessible
                // resources: Atlassian documents them in prose only
                count(unverified, "Atlassian's OAuth 2.0 (3LO) authorization server", exchange.method() + " "
                        + exchange.decodedPath());
                continue;
            }
            if (site.equals("/_edge")) {
                count(unverified, "Cloud site (tenant info)", exchange.method() + " " + exchange.path());
                continue;
            }
            Optional<Map.Entry<String, String>> unpublished = UNPUBLISHED.entrySet().stream().filter(e -> exchange
                    .path().startsWith(e.getKey()) || (site + exchange.path()).startsWith(e.getKey())).findFirst();
            if (unpublished.isPresent()) {
                // Cloud APIs no published description has: listed, and their scopes taken from the reviewed list
                String operation = exchange.method() + " " + template(exchange.decodedPath());
                count(unverified, unpublished.get().getValue(), operation);
                if (!exchange.fromTest()) {
                    scopes.putIfAbsent(operation, scopeSupplements.of(UNPUBLISHED_API, exchange.method(), exchange
                            .decodedPath()).map(List::of).orElse(List.of()));
                }
                continue;
            }
            Optional<Api> api = Api.of(exchange.path());
            if (api.isEmpty()) {
                mismatches.add(exchange + ": no published API description has this path (not an API operation)");
                continue;
            }
            ApiDescriptions.Described described = descriptions.get(api.get());
            Request.Method method = Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
            Optional<ApiOperation> found = described.operation(exchange.decodedPath(), method);
            String operation = found.map(o -> o.getApiPath().original()).orElseGet(() -> template(exchange
                    .decodedPath()));
            count(operations, api.get().title, exchange.method() + " " + operation);
            if (!exchange.fromTest()) {
                List<Set<String>> named = found.map(o -> OAuthScopes.of(o.getOperation())).orElse(List.of());
                Optional<Set<String>> supplement = named.isEmpty() ? scopeSupplements.of(api.get().name(), exchange
                        .method(), exchange.decodedPath()) : Optional.empty();
                if (found.isPresent() || supplement.isPresent()) {
                    scopes.putIfAbsent(exchange.method() + " " + operation, supplement.map(List::of).orElse(named));
                }
                boolean flagged = found.map(o -> Boolean.TRUE.equals(o.getOperation().getDeprecated())).orElse(false);
                deprecations.of(api.get().name(), exchange.method(), operation).or(() -> flagged ? Optional.of(
                        "marked deprecated in the description") : Optional.empty()).ifPresent(why -> mismatches.add(
                                exchange + ": a deprecated operation (" + why + ")"));
            }
            validated++;
            ValidationReport report;
            try {
                report = described.validator().validate(request(exchange), response(exchange));
            } catch (RuntimeException e) {
                // the validator stumbles on some malformed parts of the descriptions; say which, as a mismatch
                report = ValidationReport.singleton(ValidationReport.Message.create("validation.description.unusable",
                        "the validator could not read the description of this operation: " + e).build());
            }
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() != ValidationReport.Level.ERROR) {
                    continue;
                }
                String text = message.getMessage() + nested(message);
                Optional<ContractExceptions.Entry> entry = exceptions.covering(api.get().name(), exchange.method(),
                        operation, exchange.status(), message.getKey(), text);
                if (entry.isPresent()) {
                    excepted.merge(entry.get(), 1, Integer::sum);
                } else {
                    mismatches.add(exchange + " [" + api.get().name() + " " + exchange.method() + " " + operation
                            + "] " + message.getKey() + ": " + text);
                }
            }
        }
        return new Result(operations, validated, documents, excepted, mismatches, unverified, scopes);
    }

    private static String nested(ValidationReport.Message message) {
        StringBuilder out = new StringBuilder();
        message.getAdditionalInfo().forEach(info -> out.append(" | ").append(info));
        message.getNestedMessages().forEach(m -> out.append(" | ").append(m.getMessage()));
        return out.toString();
    }

    private static SimpleRequest request(RecordedExchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.decodedPath());
        exchange.queryParameters().forEach(request::withQueryParam);
        if (exchange.requestType() != null) {
            request.withContentType(exchange.requestType());
        }
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static SimpleResponse response(RecordedExchange exchange) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
        if (exchange.responseType() != null) {
            response.withContentType(exchange.responseType());
        }
        if (exchange.responseBody() != null) {
            response.withBody(exchange.responseBody());
        }
        exchange.responseHeaders().forEach(response::withHeader);
        return response.build();
    }

    private static void count(Map<String, Map<String, Integer>> into, String group, String operation) {
        into.computeIfAbsent(group, g -> new TreeMap<>()).merge(operation, 1, Integer::sum);
    }

    /**
     * A path no description has, with its ids, keys and names replaced by placeholders, e.g.
     * {@code /rest/api/2/issue/{key}}.
     */
    static String template(String path) {
        String[] parts = path.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String before = parts[i - 1];
            if (before.equals("api") || before.equals("agile")) {
                continue; // the API's version
            }
            if (ISSUE_KEY.matcher(parts[i]).matches()) {
                parts[i] = "{key}";
            } else if (NUMBER.matcher(parts[i]).matches()) {
                parts[i] = "{id}";
            } else if (before.equals("property") || before.equals("properties")) {
                parts[i] = "{key}";
            } else if (before.equals("user") && parts[i].contains(":")) {
                parts[i] = "{accountId}";
            } else if (before.equals("label") || i >= 2 && (parts[i - 2].equals("attachments") || parts[i - 2]
                    .equals("attachment"))) {
                parts[i] = "{name}";
            } else if (before.equals("project") || before.equals("createmeta")) {
                parts[i] = "{projectKey}";
            }
        }
        return String.join("/", parts);
    }
}
