package dev.atlmcp.sandbox.jira;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * The development panel's data ({@code /rest/dev-status/latest/issue/summary} and {@code .../detail}): branches, pull
 * requests and commits that mention an issue, from one source-code tool per flavour (GitHub on Cloud, Bitbucket Server
 * on Data Center). The API is Jira's internal one, with no published description; the shapes follow what public clients
 * read [UNVERIFIED against a live site].
 */
final class DevStatus {

    private record Commit(String id, String message, String author, String when) {
    }

    private record PullRequest(String id, String name, String status, String author, String source, String target,
            String when) {
    }

    private record Work(String repository, String branch, List<PullRequest> pullRequests, List<Commit> commits) {
    }

    private static final Map<String, Work> WORK = Map.of(
            "WEB-1", new Work("acme/storefront", "bugfix/WEB-1-sso-emea-redirect", List.of(new PullRequest("412",
                    "WEB-1: keep the EMEA return URL through SSO", "OPEN", "Priya Nair",
                    "bugfix/WEB-1-sso-emea-redirect", "main", "2026-12-05T16:20:00.000+0000")), List.of(
                            new Commit("9f1c2e4b7a3d5f60812e4c9b0a7d6e5f4c3b2a19", "WEB-1 Keep the return URL in "
                                    + "the SAML relay state", "Priya Nair", "2026-12-05T15:02:00.000+0000"),
                            new Commit("3b7e9d1f0c2a4e6b8d0f1a3c5e7b9d1f3a5c7e90", "WEB-1 Test the EMEA identity "
                                    + "provider redirect", "Priya Nair", "2026-12-05T16:11:00.000+0000"))),
            "OPS-1", new Work("acme/checkout-api", "hotfix/OPS-1-pool-size", List.of(new PullRequest("88",
                    "OPS-1: raise the checkout-db pool to 80", "MERGED", "Bob Martin", "hotfix/OPS-1-pool-size",
                    "main", "2026-12-04T10:05:00.000+0000")), List.of(
                            new Commit(
                                    "c0ffee12d34a56b78c90d12e34f56a78b90c12d3",
                                    "OPS-1 Raise the pool size and alert at 90%",
                                    "Bob Martin", "2026-12-04T09:41:00.000+0000"))));

    private final Flavour flavour;
    private final Supplier<JiraStore> store;

    DevStatus(Flavour flavour, Supplier<JiraStore> store) {
        this.flavour = flavour;
        this.store = store;
    }

    void register(Router router) {
        router.get("/rest/dev-status/latest/issue/summary", this::summary);
        router.get("/rest/dev-status/latest/issue/detail", this::detail);
    }

    private String instanceType() {
        return flavour == Flavour.CLOUD ? "GitHub" : "stash";
    }

    private String instanceName() {
        return flavour == Flavour.CLOUD ? "GitHub" : "Bitbucket Server";
    }

    private String host() {
        return flavour == Flavour.CLOUD ? "https://github.com/" : "https://bitbucket.acme.example/projects/ACME/repos/";
    }

    private Work work(Request r) {
        String id = r.param("issueId").orElseThrow(() -> ApiException.jira(400, "issueId is required"));
        SandboxUser user = (SandboxUser) r.principal();
        Issue issue = store.get().visibleIssue(id, user).filter(i -> i.id.equals(id))
                .orElseThrow(() -> ApiException.jira(403,
                        "You do not have permission to view the development information of this issue."));
        return WORK.get(issue.key);
    }

    private Response summary(Request r) {
        Work work = work(r);
        ObjectNode summary = Json.object();
        int branches = work == null ? 0 : 1;
        int pulls = work == null ? 0 : work.pullRequests().size();
        int commits = work == null ? 0 : work.commits().size();
        kind(summary.putObject("branch"), "branch", branches, null);
        kind(summary.putObject("pullrequest"), "pullrequest", pulls, work == null ? null : work.pullRequests().get(0)
                .status());
        kind(summary.putObject("repository"), "repository", commits, null);
        ObjectNode json = Json.object();
        json.putArray("errors");
        json.set("summary", summary);
        return Response.ok(json);
    }

    private void kind(ObjectNode holder, String dataType, int count, String state) {
        ObjectNode overall = holder.putObject("overall").put("count", count).put("dataType", dataType);
        if (state != null) {
            overall.put("state", state).put("open", state.equals("OPEN"));
        }
        ObjectNode byType = holder.putObject("byInstanceType");
        if (count > 0) {
            byType.putObject(instanceType()).put("count", count).put("name", instanceName());
        }
    }

    /** {@code applicationType} and {@code dataType} (branch, pullrequest or repository) narrow what is sent. */
    private Response detail(Request r) {
        Work work = work(r);
        String type = r.param("applicationType").orElse("");
        String dataType = r.param("dataType").orElse("");
        ObjectNode json = Json.object();
        json.putArray("errors");
        ArrayNode detail = json.putArray("detail");
        if (work == null || !type.equalsIgnoreCase(instanceType())) {
            return Response.ok(json);
        }
        ObjectNode one = detail.addObject();
        String repoUrl = host() + work.repository();
        ObjectNode repository = Json.object().put("name", work.repository()).put("url", repoUrl);
        ArrayNode branches = one.putArray("branches");
        ArrayNode pulls = one.putArray("pullRequests");
        ArrayNode repositories = one.putArray("repositories");
        switch (dataType) {
        case "branch" -> {
            ObjectNode branch = branches.addObject().put("name", work.branch()).put("url", repoUrl + "/tree/" + work
                    .branch());
            branch.set("repository", repository);
            commit(branch.putObject("lastCommit"), work.commits().get(work.commits().size() - 1), repoUrl);
        }
        case "pullrequest" -> work.pullRequests().forEach(p -> {
            ObjectNode pull = pulls.addObject().put("id", "#" + p.id()).put("name", p.name()).put("url", repoUrl
                    + "/pull/" + p.id()).put("status", p.status()).put("lastUpdate", p.when());
            pull.putObject("author").put("name", p.author());
            pull.putObject("source").put("branch", p.source()).put("url", repoUrl + "/tree/" + p.source());
            pull.putObject("destination").put("branch", p.target()).put("url", repoUrl + "/tree/" + p.target());
        });
        case "repository" -> {
            ObjectNode repo = repositories.addObject().put("name", work.repository()).put("url", repoUrl);
            ArrayNode commits = repo.putArray("commits");
            work.commits().forEach(c -> commit(commits.addObject(), c, repoUrl));
        }
        default -> throw ApiException.jira(400, "dataType must be branch, pullrequest or repository");
        }
        one.putObject("_instance").put("name", instanceName()).put("type", instanceType());
        return Response.ok(json);
    }

    private static void commit(ObjectNode json, Commit c, String repoUrl) {
        json.put("id", c.id()).put("displayId", c.id().substring(0, 7)).put("message", c.message()).put(
                "authorTimestamp", c.when()).put("url", repoUrl + "/commit/" + c.id()).put("fileCount", 2).put(
                        "merge", false);
        json.putObject("author").put("name", c.author());
    }
}
