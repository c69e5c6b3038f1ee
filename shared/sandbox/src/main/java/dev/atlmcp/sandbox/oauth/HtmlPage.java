package dev.atlmcp.sandbox.oauth;

import java.util.LinkedHashMap;

import dev.atlmcp.sandbox.http.Response;

/** The sandbox's few HTML pages: a title, a body, escaped values. */
public final class HtmlPage {

    private HtmlPage() {
    }

    public static Response of(int status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body><main>\n<h1>" + escape(title) + "</h1>\n" + body
                + "\n</main></body></html>\n";
        return new Response(status, html, "text/html;charset=UTF-8", new LinkedHashMap<>());
    }

    public static Response redirect(String location) {
        return new Response(302, null, null, new LinkedHashMap<>()).header("Location", location);
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The hidden fields that carry these of {@code params} through a form, in this order. */
    public static String hiddenFields(java.util.Map<String, String> params, java.util.List<String> names) {
        StringBuilder hidden = new StringBuilder();
        for (String name : names) {
            if (params.containsKey(name)) {
                hidden.append(hidden(name, params.get(name)));
            }
        }
        return hidden.toString();
    }

    /** A problem to announce at the top of a page, or nothing. */
    public static String alert(String problem) {
        return problem == null || problem.isEmpty() ? "" : "<p role=\"alert\">" + escape(problem) + "</p>\n";
    }

    /** A hidden form field. */
    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value == null ? "" : value)
                + "\">";
    }
}
