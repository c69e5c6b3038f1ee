package dev.atlmcp.sandbox.confluence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Response;

/**
 * The subset of CQL the sandbox understands: {@code type, space, title, text, siteSearch, label, ancestor, parent, id,
 * creator, contributor, created, lastmodified} with {@code = != ~ !~ > >= < <= in, not in}, AND, OR, NOT, parentheses,
 * {@code currentUser()}, {@code now("-7d")} and ORDER BY. Errors use Confluence's status and wording.
 */
final class Cql {

    /** A compiled query. */
    record Query(Predicate<Page> filter, Comparator<Page> order) {
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|!=|!~|>=|<=|[=~<>(),]|[A-Za-z0-9_.\\-:*@]+)");
    private static final Pattern RELATIVE = Pattern.compile("([-+]?)(\\d+)([mhdwy])");

    private final String source;
    private final SandboxUser user;
    private final List<String> tokens = new ArrayList<>();
    private int position;

    private Cql(String source, SandboxUser user) {
        this.source = source;
        this.user = user;
        Matcher m = TOKEN.matcher(source);
        int at = 0;
        while (at < source.length() && m.find(at) && m.start() == at) {
            tokens.add(m.group(1));
            at = m.end();
        }
        if (!source.substring(at).isBlank()) {
            throw unparseable();
        }
    }

    static Query compile(String cql, SandboxUser user) {
        if (cql == null || cql.isBlank()) {
            throw badRequest("The CQL query parameter is required.");
        }
        Cql parser = new Cql(cql, user);
        Predicate<Page> filter = parser.or();
        Comparator<Page> order = parser.orderBy();
        if (parser.position != parser.tokens.size()) {
            throw parser.unparseable();
        }
        return new Query(filter, order);
    }

    private Predicate<Page> or() {
        Predicate<Page> left = and();
        while (keyword("OR")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<Page> and() {
        Predicate<Page> left = not();
        while (keyword("AND")) {
            left = left.and(not());
        }
        return left;
    }

    private Predicate<Page> not() {
        if (keyword("NOT")) {
            return not().negate();
        }
        if (peek("(")) {
            position++;
            Predicate<Page> inner = or();
            expect(")");
            return inner;
        }
        return clause();
    }

    private Predicate<Page> clause() {
        String field = next().toLowerCase(Locale.ROOT);
        if (!isField(field)) {
            throw badRequest("com.atlassian.confluence.api.service.exceptions.BadRequestException: No field exists "
                    + "with the name: '" + field + "'");
        }
        boolean negated = keyword("NOT");
        if (keyword("IN")) {
            List<String> values = list();
            Predicate<Page> in = page -> values.stream().anyMatch(v -> equalsValue(field, page, v));
            return negated ? in.negate() : in;
        }
        if (negated) {
            throw unparseable();
        }
        String op = next();
        String value = value();
        return switch (op) {
        case "=" -> page -> equalsValue(field, page, value);
        case "!=" -> page -> !equalsValue(field, page, value);
        case "~" -> page -> contains(field, page, value);
        case "!~" -> page -> !contains(field, page, value);
        case ">", ">=", "<", "<=" -> compare(field, op, value);
        default -> throw unparseable();
        };
    }

    private Comparator<Page> orderBy() {
        Comparator<Page> order = Comparator.comparing((Page p) -> p.current().createdAt()).reversed();
        if (!keyword("ORDER")) {
            return order;
        }
        if (!keyword("BY")) {
            throw unparseable();
        }
        Comparator<Page> chosen = null;
        do {
            String field = next().toLowerCase(Locale.ROOT);
            Comparator<Page> one = switch (field) {
            case "title" -> Comparator.comparing(Page::title, String.CASE_INSENSITIVE_ORDER);
            case "created" -> Comparator.comparing((Page p) -> p.createdAt);
            case "lastmodified" -> Comparator.comparing((Page p) -> p.current().createdAt());
            case "id" -> Comparator.comparing((Page p) -> Long.parseLong(p.id));
            default -> throw badRequest("com.atlassian.confluence.api.service.exceptions.BadRequestException: "
                    + "Cannot order by field: '" + field + "'");
            };
            if (keyword("DESC")) {
                one = one.reversed();
            } else {
                keyword("ASC");
            }
            chosen = chosen == null ? one : chosen.thenComparing(one);
        } while (peek(",") && position++ >= 0);
        return chosen;
    }

    private static boolean isField(String field) {
        return List.of("type", "space", "space.key", "title", "text", "sitesearch", "label", "ancestor", "parent",
                "id", "content", "creator", "contributor", "created", "lastmodified").contains(field);
    }

    private boolean equalsValue(String field, Page page, String value) {
        return switch (field) {
        case "type" -> value.equalsIgnoreCase(page.type);
        case "space", "space.key" -> page.space.key().equalsIgnoreCase(value);
        case "title" -> page.title().equalsIgnoreCase(value);
        case "label" -> page.labels.stream().anyMatch(l -> l.equalsIgnoreCase(value));
        case "ancestor" -> page.ancestorIds.contains(value);
        case "parent" -> value.equals(page.parentId);
        case "id", "content" -> page.id.equals(value);
        case "creator" -> person(value).map(u -> u.equals(page.creator)).orElse(false);
        case "contributor" -> person(value).map(u -> page.versions.stream().anyMatch(v -> v.author().equals(u)))
                .orElse(false);
        default -> contains(field, page, value);
        };
    }

    private boolean contains(String field, Page page, String value) {
        String haystack = switch (field) {
        case "title" -> page.title();
        case "text", "sitesearch" -> page.title() + " " + PageText.plain(page.current().adf());
        default -> throw badRequest("com.atlassian.confluence.api.service.exceptions.BadRequestException: The "
                + "operator '~' is not supported by the field '" + field + "'");
        };
        String lower = haystack.toLowerCase(Locale.ROOT);
        for (String word : value.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}*]+")) {
            String stem = word.replace("*", "");
            if (!stem.isEmpty() && !lower.contains(stem)) {
                return false;
            }
        }
        return true;
    }

    private Predicate<Page> compare(String field, String op, String value) {
        if (!field.equals("created") && !field.equals("lastmodified")) {
            throw badRequest("com.atlassian.confluence.api.service.exceptions.BadRequestException: The operator '"
                    + op + "' is not supported by the field '" + field + "'");
        }
        Instant bound = instant(value);
        return page -> {
            Instant at = field.equals("created") ? page.createdAt : page.current().createdAt();
            int cmp = at.compareTo(bound);
            return switch (op) {
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            case "<" -> cmp < 0;
            default -> cmp <= 0;
            };
        };
    }

    private Instant instant(String value) {
        if (value.startsWith("now(")) {
            String arg = value.substring(4, value.length() - 1).replace("\"", "").replace("'", "");
            if (arg.isEmpty()) {
                return Instant.now();
            }
            Matcher m = RELATIVE.matcher(arg);
            if (!m.matches()) {
                throw unparseable();
            }
            long amount = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
            Duration unit = switch (m.group(3)) {
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            case "w" -> Duration.ofDays(7);
            default -> Duration.ofDays(365);
            };
            return Instant.now().plus(unit.multipliedBy(amount));
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw badRequest("com.atlassian.confluence.api.service.exceptions.BadRequestException: Could not parse "
                    + "date: '" + value + "'");
        }
    }

    private java.util.Optional<SandboxUser> person(String value) {
        return value.equals("currentUser()") ? java.util.Optional.of(user) : Directory.find(value);
    }

    private List<String> list() {
        expect("(");
        List<String> values = new ArrayList<>();
        do {
            values.add(value());
        } while (peek(",") && position++ >= 0);
        expect(")");
        return values;
    }

    private String value() {
        String token = next();
        if (token.startsWith("\"") || token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        if (peek("(")) {
            position++;
            StringBuilder call = new StringBuilder(token).append('(');
            while (!peek(")")) {
                call.append(next());
            }
            position++;
            return call.append(')').toString();
        }
        return token;
    }

    private boolean keyword(String word) {
        if (position < tokens.size() && tokens.get(position).equalsIgnoreCase(word)) {
            position++;
            return true;
        }
        return false;
    }

    private boolean peek(String token) {
        return position < tokens.size() && tokens.get(position).equals(token);
    }

    private void expect(String token) {
        if (!peek(token)) {
            throw unparseable();
        }
        position++;
    }

    private String next() {
        if (position >= tokens.size()) {
            throw unparseable();
        }
        return tokens.get(position++);
    }

    private ApiException unparseable() {
        return badRequest("Could not parse cql : " + source);
    }

    /** Confluence's v1 error body. */
    static ApiException badRequest(String message) {
        return error(400, "Bad Request", message);
    }

    static ApiException error(int status, String reason, String message) {
        var body = Json.object().put("statusCode", status);
        body.putObject("data").put("authorized", status != 401).put("valid", true).put("allowedInReadOnlyMode", true)
                .put("successful", false).putArray("errors");
        body.put("message", message).put("reason", reason);
        return new ApiException(Response.json(status, body));
    }
}
