package dev.atlmcp.confluence.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import dev.atlmcp.platform.content.UploadedFile;

/** What both sites do the same way with what Confluence sends: links made absolute, cursors read from links. */
public abstract class ConfluencePages {

    private final String webRoot;

    ConfluencePages(String webRoot) {
        this.webRoot = webRoot.replaceAll("/+$", "");
    }

    public String webRoot() {
        return webRoot;
    }

    public String url(PageDtos.Links links) {
        return links == null ? null : absolute(links.base(), links.webui());
    }

    /** A link Confluence gave relative to {@code base}, or to the site's web address, made absolute. */
    public String absolute(String base, String path) {
        if (path == null) {
            return null;
        }
        String root = base != null ? base : webRoot;
        return path.startsWith("http") ? path : root.replaceAll("/+$", "") + path;
    }

    /**
     * The v1 upload's form, the same on both sites: the file, {@code minorEdit} (which the operation requires; false,
     * so watchers hear of it as of any upload) and the comment if there is one.
     */
    static ClientMultipartForm attachmentForm(UploadedFile file, String comment) {
        ClientMultipartForm form = file.form().attribute("minorEdit", "false", null);
        return comment == null ? form : form.attribute("comment", comment, null);
    }

    /** A query parameter of a link Confluence sent, such as the {@code cursor} of its {@code next} link. */
    public static String queryParam(String link, String name) {
        if (link == null) {
            return null;
        }
        String query = URI.create(link.replace(" ", "%20")).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && Objects.equals(pair.substring(0, eq), name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
