package dev.atlmcp.auth.delegated;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Entities;

/**
 * The connect flow's pages: plain server-rendered HTML without scripts, one heading, what happened in words, and at
 * most one action. Every value shown is escaped.
 */
final class ConnectPage {

    /** Plain words for the scopes a person grants; others are shown as named. */
    private static final Map<String, String> SCOPES = Map.ofEntries(
            Map.entry("read:jira-work", "read projects, issues, comments, work logs and attachments you can see"),
            Map.entry("write:jira-work", "create and change issues, comments, work logs and links where you may"),
            Map.entry("read:jira-user", "read people's names and account ids"),
            Map.entry("read:board-scope:jira-software", "read boards"),
            Map.entry("write:board-scope:jira-software", "change board settings"),
            Map.entry("read:sprint:jira-software", "read sprints"),
            Map.entry("write:sprint:jira-software", "move issues between sprints and the backlog"),
            Map.entry("read:project:jira", "read projects"),
            Map.entry("read:issue-details:jira", "read issue details"),
            Map.entry("read:jql:jira", "run searches"),
            Map.entry("read:issue:jira-software", "read which sprint and board an issue is on"),
            Map.entry("read:servicedesk-request", "read service desks, queues and customer requests you can see"),
            Map.entry("write:servicedesk-request", "raise customer requests and reply to them"),
            Map.entry("read:servicemanagement-insight-objects", "find your site's Assets workspace"),
            Map.entry("read:cmdb-object:jira", "read Assets objects (CMDB) you can see"),
            Map.entry("read:cmdb-type:jira", "read the types of Assets objects"),
            Map.entry("read:cmdb-attribute:jira", "read the attributes of Assets objects"),
            Map.entry("read:project-version:jira", "read a project's versions"),
            Map.entry("write:project-version:jira", "create versions (releases) in projects where you may"),
            Map.entry("delete:project-version:jira", "delete a version this server created for you, when you undo it"),
            Map.entry("read:page:confluence", "read pages, their versions, labels and properties you can see"),
            Map.entry("write:page:confluence", "create and change pages where you may"),
            Map.entry("read:comment:confluence", "read comments"),
            Map.entry("write:comment:confluence", "add comments"),
            Map.entry("read:attachment:confluence", "list attachments"),
            Map.entry("readonly:content.attachment:confluence", "download attachments"),
            Map.entry("write:confluence-file", "attach files to pages"),
            Map.entry("delete:attachment:confluence", "move a file this server attached for you to the trash, when "
                    + "you undo it"),
            Map.entry("read:space:confluence", "read spaces"),
            Map.entry("delete:comment:confluence", "delete a comment this server added for you, when you undo it"),
            Map.entry("write:confluence-content", "add and remove labels, move and copy pages"),
            Map.entry("read:confluence-content.all", "read who may view and edit a page"),
            Map.entry("read:content.metadata:confluence", "read which pages a page is under"),
            Map.entry("read:confluence-props", "read the list of changes agents made for you, kept in your profile"),
            Map.entry("write:confluence-props", "keep that list up to date"),
            Map.entry("search:confluence", "run searches"),
            Map.entry("read:confluence-user", "read people's names and account ids"),
            Map.entry("read:component:compass", "read components, their owners, links and dependencies"),
            Map.entry("write:component:compass", "create and change components"),
            Map.entry("read:event:compass", "read deployments, incidents and other events of components"),
            Map.entry("write:event:compass", "record deployments on components"),
            Map.entry("read:metric:compass", "read metrics such as deployment frequency and their values"),
            Map.entry("read:scorecard:compass", "read scorecards and scores"),
            Map.entry("offline_access", "keep this access while you are away, until you disconnect"));

    private ConnectPage() {
    }

    static String html(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n<title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;"
                + "line-height:1.5}a.action{display:inline-block;padding:.6rem 1.2rem;background:#0052cc;color:#fff;"
                + "border-radius:4px;text-decoration:none}a.action:focus{outline:3px solid #4c9aff}</style>\n"
                + "</head>\n<body>\n<main>\n<h1>" + escape(title) + "</h1>\n" + body + "\n</main>\n</body>\n</html>\n";
    }

    static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>\n";
    }

    static String scopes(List<String> scopes) {
        StringBuilder list = new StringBuilder("<ul>\n");
        for (String scope : scopes) {
            String plain = SCOPES.get(scope);
            list.append("<li>").append(plain == null ? "" : escape(plain) + " ").append("(<code>").append(escape(
                    scope)).append("</code>)</li>\n");
        }
        return list.append("</ul>\n").toString();
    }

    static String action(String id, String href, String label) {
        return "<p><a class=\"action\" id=\"" + escape(id) + "\" href=\"" + escape(href) + "\">" + escape(label)
                + "</a></p>\n";
    }

    static String escape(String text) {
        return Entities.escape(text == null ? "" : text);
    }
}
