package dev.atlmcp.confluence.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.atlmcp.platform.toolsets.ToolSetCatalog;

/**
 * confluence-mcp's tool sets; {@code core} and {@code comments} are offered unless {@code MCP_TOOLSETS} says otherwise.
 */
public class ConfluenceToolSets {

    @Produces
    @Singleton
    static ToolSetCatalog catalog() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("core", List.of("confluence_get_page", "confluence_search", "confluence_get_page_tree",
                "confluence_create_page", "confluence_update_page", "confluence_update_section",
                "confluence_append_to_page", "confluence_get_labels", "confluence_add_labels", "confluence_whoami",
                "confluence_find_users", "confluence_list_my_agent_changes", "confluence_undo_change"));
        sets.put("comments", List.of("confluence_get_comments", "confluence_add_comment",
                "confluence_add_inline_comment"));
        sets.put("history", List.of("confluence_get_page_versions", "confluence_get_page_diff"));
        sets.put("attachments", List.of("confluence_get_attachments", "confluence_read_attachment",
                "confluence_add_attachment"));
        sets.put("spaces", List.of("confluence_list_spaces", "confluence_get_space", "confluence_get_page_restrictions",
                "confluence_move_page", "confluence_copy_page"));
        sets.put("blogs", List.of("confluence_get_blog_post"));
        return new ToolSetCatalog(sets, List.of("core", "comments"));
    }
}
