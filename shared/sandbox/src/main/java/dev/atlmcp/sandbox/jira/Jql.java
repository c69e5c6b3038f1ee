package dev.atlmcp.sandbox.jira;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;

/**
 * The JQL subset the sandbox understands: clauses on the common system fields joined with AND, OR, NOT and parentheses,
 * then ORDER BY. Errors carry Jira's wording so clients can pass them on.
 */
final class Jql {

    /** What a clause needs to evaluate: who is asking and what "now" is. */
    /** On Data Center an epic's issues are found by {@code "Epic Link"}; {@code parent} finds only sub-tasks. */
    record Context(SandboxUser currentUser, Instant now, JiraStore store, boolean dataCenter) {
    }

    record Query(Predicate<Issue> where, Comparator<Issue> order, boolean bounded) {
    }

    private static final String OPERATORS = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', "
            + "'IN', 'NOT IN', 'IS' and 'IS NOT'.";
    private static final Set<String> TEXT_FIELDS = Set.of("summary", "description", "comment", "text",
            "environment");
    private static final Set<String> FIELDS = Set.of("project", "status", "issuetype", "type", "priority", "assignee",
            "reporter", "labels", "component", "fixversion", "key", "issuekey", "id", "created", "createddate",
            "updated", "updateddate", "resolution", "parent", "duedate", "summary", "description", "comment", "text",
            "environment", "statuscategory", "epic link", "cf[10101]");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\"(?:[^\"\\\\]|\\\\.)*\")|('(?:[^'\\\\]|\\\\.)*')|(!=|!~|>=|<=|=|~|<|>|\\(|\\)|,)|([^\\s=!~<>(),\"']+))");
    private static final Pattern RELATIVE = Pattern.compile("([-+]?)(\\d+)([wdhm])");

    private record Token(String text, boolean quoted, int position) {
        boolean is(String word) {
            return !quoted && text.equalsIgnoreCase(word);
        }
    }

    private final List<Token> tokens = new ArrayList<>();
    private final String source;
    private final Context context;
    private int pos;
    private int clauses;

    private Jql(String source, Context context) {
        this.source = source;
        this.context = context;
        Matcher m = TOKEN.matcher(source);
        int at = 0;
        while (at < source.length() && !source.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                int bad = at;
                while (Character.isWhitespace(source.charAt(bad))) {
                    bad++;
                }
                throw syntax("The character '" + source.charAt(bad) + "' is a reserved JQL character.", bad);
            }
            String quoted = m.group(1) != null ? m.group(1) : m.group(2);
            if (quoted != null) {
                tokens.add(new Token(unquote(quoted), true, m.start(1 + (m.group(1) != null ? 0 : 1))));
            } else {
                String text = m.group(3) != null ? m.group(3) : m.group(4);
                tokens.add(new Token(text, false, m.start(m.group(3) != null ? 3 : 4)));
            }
            at = m.end();
        }
    }

    static Query parse(String jql, Context context) {
        return new Jql(jql == null ? "" : jql, context).query();
    }

    private Query query() {
        Predicate<Issue> where = issue -> true;
        if (pos < tokens.size() && !peekIs("order")) {
            where = or();
        }
        Comparator<Issue> order = Comparator.comparing((Issue i) -> i.key.substring(0, i.key.indexOf('-')))
                .thenComparingInt(Issue::number).reversed();
        if (peekIs("order")) {
            pos++;
            expectWord("by");
            order = orderBy();
        }
        if (pos < tokens.size()) {
            Token t = tokens.get(pos);
            throw syntax("Expecting either 'OR' or 'AND' but got '" + t.text + "'.", t.position);
        }
        return new Query(where, order, clauses > 0);
    }

    private Predicate<Issue> or() {
        Predicate<Issue> left = and();
        while (peekIs("or")) {
            pos++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<Issue> and() {
        Predicate<Issue> left = not();
        while (peekIs("and")) {
            pos++;
            left = left.and(not());
        }
        return left;
    }

    private Predicate<Issue> not() {
        if (peekIs("not")) {
            pos++;
            return not().negate();
        }
        if (peekIs("(")) {
            pos++;
            Predicate<Issue> inner = or();
            expectWord(")");
            return inner;
        }
        return clause();
    }

    private Predicate<Issue> clause() {
        Token fieldToken = next("a field name");
        String field = fieldToken.text.toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(field)) {
            throw ApiException.badRequest(
                    "Field '" + fieldToken.text + "' does not exist or you do not have permission to view it.");
        }
        String op = operator();
        clauses++;
        if (op.equals("is") || op.equals("is not")) {
            Token value = next("EMPTY or NULL");
            if (!value.is("empty") && !value.is("null")) {
                throw syntax("Expecting 'EMPTY' or 'NULL' but got '" + value.text + "'.", value.position);
            }
            Predicate<Issue> empty = issue -> values(field, issue).isEmpty();
            return op.equals("is") ? empty : empty.negate();
        }
        if (op.equals("in") || op.equals("not in")) {
            List<String> list = valueList();
            list.forEach(v -> checkValue(field, v));
            Predicate<Issue> in = issue -> values(field, issue).stream().anyMatch(v -> list.stream()
                    .anyMatch(w -> equalsValue(v, w)));
            return op.equals("in") ? in : in.negate();
        }
        Token valueToken = next("a value");
        String value = function(valueToken);
        if (op.equals("~") || op.equals("!~")) {
            if (!TEXT_FIELDS.contains(field)) {
                throw ApiException.badRequest(
                        "The operator '" + op + "' is not supported by the '" + fieldToken.text + "' field.");
            }
            Predicate<Issue> contains = issue -> textMatches(field, issue, value);
            return op.equals("~") ? contains : contains.negate();
        }
        if (TEXT_FIELDS.contains(field) && !field.equals("summary")) {
            throw ApiException.badRequest("The operator '" + op + "' is not supported by the '" + fieldToken.text
                    + "' field.");
        }
        checkValue(field, value);
        return switch (op) {
        case "=" -> issue -> values(field, issue).stream().anyMatch(v -> equalsValue(v, value));
        case "!=" -> issue -> values(field, issue).stream().noneMatch(v -> equalsValue(v, value));
        default -> compare(field, fieldToken, op, value);
        };
    }

    private Predicate<Issue> compare(String field, Token fieldToken, String op, String value) {
        Function<Issue, Long> key;
        long bound;
        if (isDateField(field)) {
            key = issue -> dateOf(field, issue);
            bound = parseDate(value).toEpochMilli();
        } else if (field.equals("key") || field.equals("issuekey")) {
            key = issue -> (long) issue.number();
            bound = Long.parseLong(value.substring(value.indexOf('-') + 1));
        } else {
            throw ApiException.badRequest(
                    "The operator '" + op + "' is not supported by the '" + fieldToken.text + "' field.");
        }
        return issue -> {
            Long actual = key.apply(issue);
            if (actual == null) {
                return false;
            }
            return switch (op) {
            case ">" -> actual > bound;
            case ">=" -> actual >= bound;
            case "<" -> actual < bound;
            default -> actual <= bound;
            };
        };
    }

    private Comparator<Issue> orderBy() {
        Comparator<Issue> order = null;
        int fields = 0;
        do {
            Token t = next("a field name");
            String field = t.text.toLowerCase(Locale.ROOT);
            if (!FIELDS.contains(field) && !field.equals("rank")) {
                throw ApiException.badRequest(
                        "Field '" + t.text + "' does not exist or you do not have permission to view it.");
            }
            if (++fields > 7) {
                throw ApiException.badRequest("The ORDER BY clause can contain at most 7 fields.");
            }
            Comparator<Issue> next = sortKey(field);
            if (peekIs("desc")) {
                pos++;
                next = next.reversed();
            } else if (peekIs("asc")) {
                pos++;
            }
            order = order == null ? next : order.thenComparing(next);
        } while (peekIs(",") && ++pos > 0);
        return order;
    }

    private Comparator<Issue> sortKey(String field) {
        if (isDateField(field)) {
            return Comparator.comparing(issue -> dateOf(field, issue), Comparator.nullsLast(Comparator.naturalOrder()));
        }
        if (field.equals("key") || field.equals("issuekey") || field.equals("id") || field.equals("rank")) {
            return Comparator.comparing((Issue i) -> i.project.key()).thenComparingInt(Issue::number);
        }
        if (field.equals("priority")) {
            return Comparator.comparingInt(issue -> -JiraStore.PRIORITIES.indexOf(issue.priority));
        }
        return Comparator.comparing(issue -> String.join(",", values(field, issue)).toLowerCase(Locale.ROOT));
    }

    private String operator() {
        Token t = next("an operator");
        String text = t.text.toLowerCase(Locale.ROOT);
        if (Set.of("=", "!=", "~", "!~", ">", ">=", "<", "<=").contains(text) && !t.quoted) {
            return text;
        }
        if (t.is("in")) {
            return "in";
        }
        if (t.is("not") && peekIs("in")) {
            pos++;
            return "not in";
        }
        if (t.is("is")) {
            if (peekIs("not")) {
                pos++;
                return "is not";
            }
            return "is";
        }
        if (t.is("was") || t.is("changed")) {
            throw ApiException.badRequest("The history operator '" + t.text.toUpperCase(Locale.ROOT)
                    + "' is not supported by this Jira sandbox.");
        }
        throw syntax("Expecting operator but got '" + t.text + "'. " + OPERATORS, t.position);
    }

    private List<String> valueList() {
        Token open = next("a list of values");
        if (!open.text.equals("(") || open.quoted) {
            throw syntax("Expecting '(' but got '" + open.text + "'.", open.position);
        }
        List<String> values = new ArrayList<>();
        do {
            values.add(function(next("a value")));
        } while (peekIs(",") && ++pos > 0);
        expectWord(")");
        return values;
    }

    /** Resolves the supported functions; plain values are returned as they are. */
    private String function(Token token) {
        if (token.quoted || !peekIs("(")) {
            if (!token.quoted && Set.of(")", "(", ",").contains(token.text)) {
                throw syntax("Expecting either a value, list or function but got '" + token.text + "'.",
                        token.position);
            }
            return token.text;
        }
        pos++;
        expectWord(")");
        String name = token.text.toLowerCase(Locale.ROOT);
        LocalDate today = context.now.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (name) {
        case "currentuser" -> {
            if (context.currentUser == null) {
                throw ApiException.badRequest("The function 'currentUser' needs a logged-in user.");
            }
            yield context.currentUser.accountId();
        }
        case "now" -> context.now.toString();
        case "startofday" -> today.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        case "endofday" -> today.plusDays(1).atStartOfDay().minusNanos(1).toInstant(ZoneOffset.UTC).toString();
        case "startofweek" -> today.minusDays(today.getDayOfWeek().getValue() % 7).atStartOfDay()
                .toInstant(ZoneOffset.UTC).toString();
        default -> throw ApiException.badRequest("Unable to find JQL function '" + token.text + "()'.");
        };
    }

    private void checkValue(String field, String value) {
        switch (field) {
        case "project" -> {
            if (context.store.project(value).filter(p -> p.visibleTo(context.currentUser)).isEmpty()) {
                throw ApiException.badRequest("The value '" + value + "' does not exist for the field 'project'.");
            }
        }
        case "status", "issuetype", "type", "priority" -> {
            if (!context.store.knownValues(field).contains(value.toLowerCase(Locale.ROOT))) {
                throw ApiException.badRequest("The value '" + value + "' does not exist for the field '" + field
                        + "'.");
            }
        }
        case "key", "issuekey", "parent", "epic link", "cf[10101]" -> {
            if (!value.matches("(?i)[A-Z][A-Z0-9_]*-\\d+")) {
                throw ApiException.badRequest("The issue key '" + value + "' for field '" + field
                        + "' is invalid.");
            }
        }
        case "created", "createddate", "updated", "updateddate", "duedate" -> parseDate(value);
        default -> {
        }
        }
    }

    private static boolean isDateField(String field) {
        return field.startsWith("created") || field.startsWith("updated") || field.equals("duedate");
    }

    private static Long dateOf(String field, Issue issue) {
        if (field.startsWith("created")) {
            return issue.created.toEpochMilli();
        }
        if (field.startsWith("updated")) {
            return issue.updated.toEpochMilli();
        }
        return issue.dueDate == null ? null
                : LocalDate.parse(issue.dueDate).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private Instant parseDate(String value) {
        Matcher relative = RELATIVE.matcher(value.trim());
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(2)) * ("-".equals(relative.group(1)) ? -1 : 1);
            ChronoUnit unit = switch (relative.group(3)) {
            case "w" -> ChronoUnit.WEEKS;
            case "d" -> ChronoUnit.DAYS;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.MINUTES;
            };
            return unit == ChronoUnit.WEEKS ? context.now.plus(amount * 7, ChronoUnit.DAYS)
                    : context.now.plus(amount, unit);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException ignored) {
            // try the other forms Jira accepts
        }
        for (String format : List.of("yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm")) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ofPattern(format)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        try {
            return LocalDate.parse(value.replace('/', '-')).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Date value '" + value + "' for field 'created' is invalid. Valid formats "
                    + "include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period "
                    + "format e.g. '-5d', '4w 2d'.");
        }
    }

    /** Names and, for versions the project has, their ids: JQL takes either. */
    private List<String> versions(Issue issue, List<String> names) {
        List<String> values = new ArrayList<>(names);
        context.store.versions(issue.project).stream().filter(v -> names.contains(v.name())).forEach(
                v -> values.add(v.id()));
        return values;
    }

    private List<String> values(String field, Issue issue) {
        return switch (field) {
        case "project" -> List.of(issue.project.key(), issue.project.name(), issue.project.id());
        case "status" -> List.of(issue.status);
        case "statuscategory" -> List.of(JiraStore.statusCategory(issue.status)[1]);
        case "issuetype", "type" -> List.of(issue.type);
        case "priority" -> List.of(issue.priority);
        case "assignee" -> userValues(issue.assignee);
        case "reporter" -> userValues(issue.reporter);
        case "labels" -> issue.labels;
        case "component" -> issue.components;
        case "fixversion" -> versions(issue, issue.fixVersions);
        case "affectedversion" -> versions(issue, issue.affectsVersions);
        case "key", "issuekey" -> List.of(issue.key);
        case "id" -> List.of(issue.id);
        case "resolution" -> issue.resolution == null ? List.of() : List.of(issue.resolution);
        case "parent" -> issue.parent == null || context.dataCenter && !issue.isSubtask() ? List.of() : List.of(
                issue.parent.key, issue.parent.id);
        case "epic link", "cf[10101]" -> issue.epic() == null ? List.of() : List.of(issue.epic().key, issue.epic().id);
        case "duedate" -> issue.dueDate == null ? List.of() : List.of(issue.dueDate);
        case "summary" -> List.of(issue.summary);
        case "environment" -> issue.environment == null ? List.of() : List.of(issue.environment);
        default -> List.of(issue.created.toString());
        };
    }

    private static List<String> userValues(SandboxUser user) {
        return user == null ? List.of()
                : List.of(user.accountId(), user.username(), user.key(), user.email(), user.displayName());
    }

    private static boolean equalsValue(String actual, String expected) {
        return actual.equalsIgnoreCase(expected);
    }

    private static boolean textMatches(String field, Issue issue, String phrase) {
        String haystack = switch (field) {
        case "summary" -> issue.summary.toLowerCase(Locale.ROOT);
        case "description" -> ((issue.descriptionWiki == null ? "" : issue.descriptionWiki) + " "
                + (issue.descriptionAdf == null ? "" : issue.descriptionAdf)).toLowerCase(Locale.ROOT);
        case "environment" -> issue.environment == null ? "" : issue.environment.toLowerCase(Locale.ROOT);
        case "comment" -> issue.comments.stream().map(c -> c.bodyWiki().toLowerCase(Locale.ROOT))
                .reduce("", String::concat);
        default -> issue.searchableText();
        };
        for (String word : phrase.toLowerCase(Locale.ROOT).replaceAll("[*?]", "").split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private boolean peekIs(String word) {
        return pos < tokens.size() && tokens.get(pos).is(word);
    }

    private Token next(String expected) {
        if (pos >= tokens.size()) {
            throw syntax("Expecting " + expected + " but got end of query.", source.length());
        }
        return tokens.get(pos++);
    }

    private void expectWord(String word) {
        Token t = next("'" + word + "'");
        if (!t.is(word)) {
            throw syntax("Expecting '" + word + "' but got '" + t.text + "'.", t.position);
        }
    }

    private ApiException syntax(String message, int position) {
        return ApiException.badRequest("Error in the JQL Query: " + message + " (line 1, character " + (position + 1)
                + ")");
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replaceAll("\\\\(.)", "$1");
    }
}
