package dev.atlmcp.confluence.tools;

/**
 * The descriptions of arguments several Confluence tools share, written once (see ArgumentDescriptions for all
 * servers').
 */
final class ConfluenceArgumentDescriptions {

    /** A page, by id. */
    static final String PAGE_ID = "Numeric page id, the number in the page URL";
    /** The comment a page update leaves in the page history. */
    static final String VERSION_COMMENT = "Version comment shown in the page history";
    /** The text of a comment. */
    static final String COMMENT_MARKDOWN = "The comment in Markdown";

    private ConfluenceArgumentDescriptions() {
    }
}
