package dev.atlmcp.jira.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.atlmcp.platform.toolsets.ToolSetCatalog;

/** jira-mcp's tool sets; {@code core} and {@code agile} are offered unless {@code MCP_TOOLSETS} says otherwise. */
public class JiraToolSets {

    @Produces
    @Singleton
    static ToolSetCatalog catalog() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("core", List.of("jira_get_issue", "jira_search", "jira_get_comments", "jira_add_comment",
                "jira_edit_comment", "jira_create_issue", "jira_create_issues", "jira_get_create_fields",
                "jira_update_issue", "jira_assign_issue", "jira_get_transitions", "jira_transition_issue",
                "jira_link_issues", "jira_list_link_types", "jira_whoami", "jira_search_fields", "jira_list_projects",
                "jira_get_project", "jira_find_users", "jira_list_my_agent_changes", "jira_undo_change"));
        sets.put("agile", List.of("jira_list_boards", "jira_list_sprints", "jira_get_sprint_issues",
                "jira_move_to_sprint"));
        sets.put("releases", List.of("jira_list_versions", "jira_get_release_notes", "jira_create_version"));
        sets.put("history", List.of("jira_get_changelog"));
        sets.put("collaboration", List.of("jira_add_watcher", "jira_add_remote_link"));
        sets.put("attachments", List.of("jira_get_attachments", "jira_read_attachment", "jira_add_attachment"));
        sets.put("worklogs", List.of("jira_add_worklog"));
        sets.put("development", List.of("jira_get_development_info"));
        sets.put("service-desk", List.of("jira_list_service_desks", "jira_get_request_types", "jira_create_request",
                "jira_get_request", "jira_get_queue", "jira_add_request_comment"));
        sets.put("assets", List.of("jira_search_assets", "jira_get_asset", "jira_get_issue_assets"));
        return new ToolSetCatalog(sets, List.of("core", "agile"));
    }
}
