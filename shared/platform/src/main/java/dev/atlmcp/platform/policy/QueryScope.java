package dev.atlmcp.platform.policy;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Confines a JQL or CQL query to allowed projects or spaces: {@code field in ("A", "B") AND (query) ORDER BY ...}. The
 * restriction comes first and the caller's query is wrapped whole, so nothing in it can widen the result: it must have
 * balanced parentheses and closed quotes outside string literals, no characters that normalise to query syntax
 * (full-width parentheses or quotes), no control characters, no backslash outside quotes (Jira's and Confluence's
 * lexers read it as an escape, so {@code \"} or {@code \)} there is a plain character to them), and an ORDER BY that
 * only lists fields. Anything else is refused before a request is made, with a message that says how to write it.
 */
public final class QueryScope {

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\bORDER\\s+BY\\b");
    /** Field names (plain, quoted or {@code cf[10001]}), commas and directions; no operators or parentheses. */
    private static final Pattern ORDER_FIELDS = Pattern.compile("(?i)\\s*(?:(?:[\\w.]+|\"[^\"\\\\]*\"|cf\\[\\d+\\])"
            + "(?:\\s+(?:ASC|DESC))?\\s*)(?:,\\s*(?:[\\w.]+|\"[^\"\\\\]*\"|cf\\[\\d+\\])(?:\\s+(?:ASC|DESC))?\\s*)*");
    private static final Pattern KEY = Pattern.compile("[^\"'\\\\\\s(),]+");

    private QueryScope() {
    }

    /**
     * {@code query} restricted to {@code field in (keys)}, with its ORDER BY kept at the end.
     *
     * @param language
     *            {@code jql} or {@code cql}, the argument name used in messages
     */
    public static String restrict(String query, String language, String field, List<String> keys) {
        Parts parts = split(query, language);
        String scope = field + " in (" + keys.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", "))
                + ")";
        String where = parts.where().isBlank() ? scope : scope + " AND (" + parts.where().strip() + ")";
        return parts.orderBy() == null ? where : where + " ORDER BY " + parts.orderBy().strip();
    }

    /** True if {@code key} can be put in a scope clause as configured. */
    public static boolean validKey(String key) {
        return KEY.matcher(key).matches();
    }

    record Parts(String where, String orderBy) {
    }

    static Parts split(String query, String language) {
        String name = language.toUpperCase(Locale.ROOT);
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r'
                    || Character.getType(c) == Character.FORMAT) {
                throw invalid(language, name + " must not contain control or invisible formatting characters");
            }
            String normalised = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
            if (!normalised.equals(String.valueOf(c)) && normalised.chars().anyMatch(n -> "()\"'\\,=!~<>".indexOf(
                    n) >= 0)) {
                throw invalid(language, name + " contains '" + c + "', a look-alike of '" + normalised + "'; type the "
                        + "plain character");
            }
        }
        StringBuilder outside = new StringBuilder(query.length());
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                    outside.append("  ");
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
                outside.append(' ');
                continue;
            }
            if (c == '\\') {
                throw invalid(language,
                        name + " has a backslash outside quotes, which " + name + " reads as an escape; "
                                + "write values with special characters in double quotes, e.g. summary ~ \"a\\\"b\"");
            }
            if (c == '"' || c == '\'') {
                quote = c;
                outside.append(' ');
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                throw invalid(language, name + " has a ')' without a matching '('");
            }
            outside.append(depth == 0 ? c : ' ');
        }
        if (quote != 0) {
            throw invalid(language, name + " has a string that is not closed with " + quote);
        }
        if (depth != 0) {
            throw invalid(language, name + " has a '(' without a matching ')'");
        }
        Matcher orderBy = ORDER_BY.matcher(outside);
        if (!orderBy.find()) {
            return new Parts(query, null);
        }
        String order = query.substring(orderBy.end());
        if (ORDER_BY.matcher(outside.substring(orderBy.end())).find() || !ORDER_FIELDS.matcher(order).matches()) {
            throw invalid(language, "ORDER BY may only list fields, each optionally ASC or DESC, e.g. ORDER BY "
                    + "updated DESC, key");
        }
        return new Parts(query.substring(0, orderBy.start()), order);
    }

    private static IllegalArgumentException invalid(String language, String message) {
        return new IllegalArgumentException(language + ": " + message + ".");
    }
}
