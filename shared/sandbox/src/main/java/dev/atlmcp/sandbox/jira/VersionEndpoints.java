package dev.atlmcp.sandbox.jira;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * A project's versions one at a time: created (by the project's workers, names unique in the project), read, deleted,
 * and the count of issues that name one as fix or affected version.
 */
final class VersionEndpoints {

    private final Flavour flavour;
    private final String baseUrl;
    private final Supplier<JiraStore> store;

    VersionEndpoints(Flavour flavour, String baseUrl, Supplier<JiraStore> store) {
        this.flavour = flavour;
        this.baseUrl = baseUrl;
        this.store = store;
    }

    void register(Router router, String api) {
        router.post(api + "/version", this::create);
        router.get(api + "/version/{id}", r -> Response.ok(json(visible(r))));
        router.delete(api + "/version/{id}", r -> {
            JiraStore.Version version = visible(r);
            version.project().requireWorker(user(r));
            store.get().removeVersion(version);
            return Response.noContent();
        });
        router.post(api + "/version/{id}/removeAndSwap", r -> {
            JiraStore.Version version = visible(r);
            version.project().requireWorker(user(r));
            String moveTo = r.json().path("moveFixIssuesTo").asText(null);
            JiraStore.Version target = moveTo == null ? null : store.get().version(moveTo).filter(v -> v.project()
                    .equals(version.project())).orElseThrow(() -> error("moveFixIssuesTo",
                            "The version to move "
                                    + "issues to does not exist in this project."));
            synchronized (store.get()) {
                store.get().visibleIssues(dev.atlmcp.sandbox.Directory.BOT).stream().filter(i -> i.fixVersions.remove(
                        version.name()) && target != null).forEach(i -> i.fixVersions.add(target.name()));
                store.get().removeVersion(version);
            }
            return Response.noContent();
        });
        router.get(api + "/version/{id}/relatedIssueCounts", r -> {
            JiraStore.Version version = visible(r);
            long fixed = naming(version, i -> i.fixVersions);
            long affected = naming(version, i -> i.affectsVersions);
            ObjectNode json = Json.object().put("self", baseUrl + r.path()).put("issuesFixedCount", fixed).put(
                    "issuesAffectedCount", affected).put("issueCountWithCustomFieldsShowingVersion", 0);
            json.putArray("customFieldUsage");
            return Response.ok(json);
        });
    }

    /** Issues of the version's project whose fix or affects versions ({@code names}) name it. */
    private long naming(JiraStore.Version version, Function<Issue, List<String>> names) {
        return store.get().visibleIssues(dev.atlmcp.sandbox.Directory.BOT).stream().filter(i -> i.project.equals(
                version.project()) && names.apply(i).contains(version.name())).count();
    }

    /** {@code {name, projectId, description, startDate, releaseDate, released}}. */
    private Response create(Request r) {
        JsonNode body = r.json();
        String name = body.path("name").asText("").trim();
        String projectId = body.path("projectId").asText(body.path("project").asText(""));
        Project project = store.get().project(projectId).filter(p -> p.visibleTo(user(r))).orElseThrow(() -> error(
                "projectId", "The project does not exist or you do not have permission to see it."));
        project.requireWorker(user(r));
        if (name.isEmpty() || name.length() > 255) {
            throw error("name", "The version name must be 1 to 255 characters.");
        }
        JiraStore.Version version;
        synchronized (store.get()) {
            if (store.get().versions(project).stream().anyMatch(v -> v.name().equalsIgnoreCase(name))) {
                throw error("name", "A version with this name already exists in this project.");
            }
            version = new JiraStore.Version(store.get().nextVersionId(), project, name, text(body, "description"),
                    date(body, "startDate"), date(body, "releaseDate"), body.path("released").asBoolean(false), false);
            store.get().addVersion(version);
        }
        return Response.json(201, json(version));
    }

    private static String text(JsonNode body, String name) {
        return body.hasNonNull(name) ? body.path(name).asText() : null;
    }

    private static String date(JsonNode body, String name) {
        String value = text(body, name);
        if (value != null && !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw error(name, "Invalid date format. Please enter the date in the format yyyy-MM-dd.");
        }
        return value;
    }

    private JiraStore.Version visible(Request r) {
        String id = r.pathParam("id");
        return store.get().version(id).filter(v -> v.project().visibleTo(user(r)))
                .orElseThrow(() -> ApiException.notFound(
                        "Could not find version for id '" + id + "'"));
    }

    /** Jira's Version: dates only when set, ids as strings. */
    ObjectNode json(JiraStore.Version v) {
        ObjectNode json = Json.object().put("self", baseUrl + (flavour == Flavour.CLOUD ? "/rest/api/3" : "/rest/api/2")
                + "/version/" + v.id()).put("id", v.id()).put("name", v.name()).put("archived", v.archived()).put(
                        "released", v.released())
                .put("projectId", Long.parseLong(v.project().id()));
        if (v.description() != null) {
            json.put("description", v.description());
        }
        if (v.startDate() != null) {
            json.put("startDate", v.startDate());
        }
        if (v.releaseDate() != null) {
            json.put("releaseDate", v.releaseDate());
            json.put("overdue", !v.released() && java.time.LocalDate.parse(v.releaseDate()).isBefore(java.time.LocalDate
                    .now(java.time.ZoneOffset.UTC)));
        }
        return json;
    }

    private static ApiException error(String field, String message) {
        return new ApiException(Response.json(400, ApiException.errorCollection(List.of(), Map.of(field,
                message))));
    }

    private static SandboxUser user(Request r) {
        return (SandboxUser) r.principal();
    }
}
