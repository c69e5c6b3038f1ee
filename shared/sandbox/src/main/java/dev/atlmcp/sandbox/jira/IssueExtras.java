package dev.atlmcp.sandbox.jira;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Multipart;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/** Watchers, worklogs, remote links and uploaded attachments of issues, as Jira's v2/v3 resources answer them. */
final class IssueExtras {

    private static final Pattern DURATION = Pattern
            .compile("(?:(\\d+)w)?\\s*(?:(\\d+)d)?\\s*(?:(\\d+)h)?\\s*(?:(\\d+)m)?");

    private final Flavour flavour;
    private final Function<Request, Issue> visible;
    private final Function<Request, Issue> workable;
    private final java.util.function.Supplier<JiraStore> store;
    private final IssueJson json;

    IssueExtras(Flavour flavour, Function<Request, Issue> visible, Function<Request, Issue> workable,
            java.util.function.Supplier<JiraStore> store, IssueJson json) {
        this.flavour = flavour;
        this.visible = visible;
        this.workable = workable;
        this.store = store;
        this.json = json;
    }

    void register(Router router, String api) {
        router.get(api + "/issue/{key}/watchers", r -> {
            Issue issue = visible.apply(r);
            ObjectNode result = Json.object().put("watchCount", issue.watchers.size());
            ArrayNode watchers = result.putArray("watchers");
            synchronized (store.get()) {
                issue.watchers.forEach(u -> watchers.add(json.user(u)));
            }
            return Response.ok(result);
        });
        router.post(api + "/issue/{key}/attachments", this::addAttachments);
        router.delete(api + "/attachment/{id}", this::deleteAttachment);
        router.post(api + "/issue/{key}/watchers", this::addWatcher);
        router.delete(api + "/issue/{key}/watchers", this::removeWatcher);
        router.post(api + "/issue/{key}/worklog", this::addWorklog);
        router.get(api + "/issue/{key}/worklog", r -> {
            Issue issue = visible.apply(r);
            int start = r.intParam("startAt", 0);
            int max = Math.max(1, Math.min(r.intParam("maxResults", 5000), 5000));
            ArrayNode page = Json.array();
            int total;
            synchronized (store.get()) {
                total = issue.worklogs.size();
                issue.worklogs.stream().skip(start).limit(max).forEach(w -> page.add(worklog(w)));
            }
            ObjectNode result = Json.object().put("startAt", start).put("maxResults", max).put("total", total);
            result.set("worklogs", page);
            return Response.ok(result);
        });
        router.get(api + "/issue/{key}/worklog/{id}", r -> Response.ok(worklog(worklogOf(r))));
        router.delete(api + "/issue/{key}/worklog/{id}", r -> {
            Issue issue = workable.apply(r);
            Issue.Worklog worklog = worklogOf(r);
            synchronized (store.get()) {
                issue.worklogs.remove(worklog);
            }
            return Response.noContent();
        });
        router.post(api + "/issue/{key}/remotelink", this::addRemoteLink);
        router.get(api + "/issue/{key}/remotelink", r -> {
            ArrayNode links = Json.array();
            Issue issue = visible.apply(r);
            synchronized (store.get()) {
                issue.remoteLinks.forEach(l -> links.addObject().put("id", Long.parseLong(l.id())).putObject("object")
                        .put("url", l.url()).put("title", l.title()));
            }
            return Response.ok(links);
        });
        router.delete(api + "/issue/{key}/remotelink/{id}", r -> {
            Issue issue = workable.apply(r);
            synchronized (store.get()) {
                if (!issue.remoteLinks.removeIf(l -> l.id().equals(r.pathParam("id")))) {
                    throw ApiException.notFound("No remote link with id " + r.pathParam("id") + " on this issue.");
                }
            }
            return Response.noContent();
        });
    }

    /** The body is a JSON string: the account id (Cloud) or username (Data Center). */
    private Response addWatcher(Request r) {
        Issue issue = workable.apply(r);
        JsonNode body = r.json();
        SandboxUser user = person(body.isTextual() ? body.asText() : "").filter(u -> issue.project.visibleTo(u))
                .orElseThrow(() -> ApiException.badRequest("The user \"" + body.asText() + "\" does not have "
                        + "permission to view this issue. This user will not be added to the watch list."));
        synchronized (store.get()) {
            if (!issue.watchers.contains(user)) {
                issue.watchers.add(user);
            }
        }
        return Response.noContent();
    }

    private Response removeWatcher(Request r) {
        Issue issue = workable.apply(r);
        String who = r.param(flavour == Flavour.CLOUD ? "accountId" : "username").orElse("");
        SandboxUser user = person(who).orElseThrow(() -> ApiException.notFound("The user does not exist."));
        synchronized (store.get()) {
            issue.watchers.remove(user);
        }
        return Response.noContent();
    }

    private Optional<SandboxUser> person(String id) {
        return Directory.all().stream().filter(u -> id.equals(flavour == Flavour.CLOUD ? u.accountId() : u
                .username())).findFirst();
    }

    /** {@code {"timeSpent": "1h 30m", "started": "...", "comment": ADF or wiki}}. */
    private Response addWorklog(Request r) {
        Issue issue = workable.apply(r);
        JsonNode body = r.json();
        String spent = body.path("timeSpent").asText("").trim();
        Matcher m = DURATION.matcher(spent);
        if (spent.isEmpty() || !m.matches()) {
            throw new ApiException(Response.json(400, ApiException.errorCollection(List.of(), java.util.Map
                    .of("timeLogged", "Invalid time duration entered."))));
        }
        long seconds = 0;
        long[] unit = { 5 * 8 * 3600, 8 * 3600, 3600, 60 };
        for (int i = 0; i < 4; i++) {
            seconds += m.group(i + 1) == null ? 0 : Long.parseLong(m.group(i + 1)) * unit[i];
        }
        Issue.Worklog worklog = new Issue.Worklog(store.get().nextCommentId(), (SandboxUser) r.principal(), spent,
                seconds, body.path("started").asText(IssueJson.time(Instant.now())), body.get("comment"), Instant
                        .now());
        synchronized (store.get()) {
            issue.worklogs.add(worklog);
            issue.updated = Instant.now();
        }
        return Response.json(201, worklog(worklog));
    }

    private Issue.Worklog worklogOf(Request r) {
        Issue issue = visible.apply(r);
        synchronized (store.get()) {
            return issue.worklogs.stream().filter(w -> w.id().equals(r.pathParam("id"))).findFirst().orElseThrow(
                    () -> ApiException.notFound("Cannot find worklog with id: " + r.pathParam("id")));
        }
    }

    private ObjectNode worklog(Issue.Worklog w) {
        ObjectNode json = Json.object().put("id", w.id()).put("timeSpent", w.timeSpent()).put("timeSpentSeconds", w
                .seconds()).put("started", w.started()).put("updated", IssueJson.time(w.updated()));
        json.set("author", this.json.user(w.author()));
        if (w.comment() != null) {
            json.set("comment", w.comment());
        }
        return json;
    }

    /** {@code {"object": {"url", "title"}}}; answers the new link's id. */
    /**
     * Jira's upload: multipart parts named {@code file}, and {@code X-Atlassian-Token: no-check}, without which its
     * XSRF check refuses the request.
     */
    private Response addAttachments(Request r) {
        if (!Multipart.passesXsrfCheck(r)) {
            return Response.json(403, ApiException.errorCollection(List.of("XSRF check failed"), java.util.Map.of()));
        }
        Issue issue = workable.apply(r);
        List<Multipart.Part> files = Multipart.parts(r).stream().filter(Multipart.Part::isFile).toList();
        if (files.isEmpty()) {
            throw ApiException.badRequest("No file was attached: send the files as multipart parts named 'file'.");
        }
        ArrayNode added = Json.array();
        synchronized (store.get()) {
            for (Multipart.Part file : files) {
                Issue.Attachment attachment = new Issue.Attachment(store.get().nextCommentId(), file.filename(), file
                        .mediaType(), file.content(), (SandboxUser) r.principal(), Instant.now());
                issue.attachments.add(attachment);
                added.add(json.attachment(attachment));
            }
            issue.updated = Instant.now();
        }
        return Response.ok(added);
    }

    private Response deleteAttachment(Request r) {
        String id = r.pathParam("id");
        SandboxUser user = (SandboxUser) r.principal();
        synchronized (store.get()) {
            Issue issue = store.get().visibleIssues(user).stream().filter(i -> i.attachments.stream().anyMatch(a -> a
                    .id().equals(id))).findFirst().orElseThrow(() -> ApiException.notFound("The attachment with id '"
                            + id + "' does not exist"));
            issue.project.requireWorker(user);
            issue.attachments.removeIf(a -> a.id().equals(id));
            issue.updated = Instant.now();
        }
        return Response.noContent();
    }

    private Response addRemoteLink(Request r) {
        Issue issue = workable.apply(r);
        JsonNode object = r.json().path("object");
        String url = object.path("url").asText("");
        if (!url.matches("https?://\\S+") || object.path("title").asText("").isBlank()) {
            throw ApiException.badRequest("A remote link needs object.url (http or https) and object.title.");
        }
        Issue.RemoteLink link = new Issue.RemoteLink(store.get().nextCommentId(), url, object.path("title").asText());
        synchronized (store.get()) {
            issue.remoteLinks.add(link);
            issue.updated = Instant.now();
        }
        return Response.json(201, Json.object().put("id", Long.parseLong(link.id())).put("self", "/remotelink/"
                + link.id()));
    }
}
