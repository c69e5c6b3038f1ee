package dev.atlmcp.auth.content;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.atlmcp.auth.errors.ToolRefusal;

/**
 * Masks values that look like secrets in text read from Atlassian: private keys, cloud and SaaS tokens, JWTs, bearer
 * tokens, and the value after {@code password=}, {@code api_key:} and the like. The patterns are specific, so ids,
 * hashes and ordinary text stay as they are. Each mask says what kind of value it hid.
 */
public final class SecretMasker {

    /** {@code hints}: lower-case texts one of which every match contains, so most text skips the pattern. */
    private record Kind(String name, Pattern pattern, int keepGroup, List<String> hints) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*"
                    + "PRIVATE KEY-----"), 0, List.of("private key-----")),
            new Kind("AWS access key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0, List.of("akia",
                    "asia")),
            new Kind("GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"), 0, List.of("ghp_", "gho_",
                    "ghu_", "ghs_", "ghr_")),
            new Kind("Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), 0, List.of("xox")),
            new Kind("Atlassian API token", Pattern.compile("\\bATATT[A-Za-z0-9_\\-=]{20,}"), 0, List.of("atatt")),
            new Kind("JWT", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
                    0, List.of("eyj")),
            new Kind("bearer token", Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/-]{20,}=*"), 1, List.of(
                    "bearer")),
            new Kind("password", Pattern.compile("(?i)(\\b(?:password|passwd|pwd|passphrase)\\b\\s*[:=]\\s*)"
                    + "(?:\"[^\"\\n]+\"|'[^'\\n]+'|[^\\s,;`]+)"), 1, List.of("pass", "pwd")),
            new Kind("secret", Pattern.compile("(?i)(\\b(?:secret|client[_-]?secret|api[_-]?key|access[_-]?token"
                    + "|auth[_-]?token)\\b\\s*[:=]\\s*)(?:\"[^\"\\n]+\"|'[^'\\n]+'|[^\\s,;`]+)"), 1, List.of(
                            "secret", "api", "token")));

    private static final Pattern MASKED = Pattern.compile("\\[masked [a-z ]+\\]");

    private SecretMasker() {
    }

    /**
     * Refuses text that still holds values this server masked when it showed the item: writing it back would replace
     * the real values with the placeholders.
     *
     * @param argument
     *            the argument the text came in, e.g. {@code body}
     */
    public static void refuseMaskedValues(String argument, String text) {
        Matcher masked = text == null ? null : MASKED.matcher(text);
        if (masked != null && masked.find()) {
            throw new ToolRefusal("Nothing was changed: " + argument + " contains " + masked.group() + ", a value "
                    + "this server hid when showing you the content. Writing it back would replace the real value. "
                    + "Leave that part out of your change, or ask the user to edit it in Atlassian.");
        }
    }

    /**
     * {@code text} with every secret-looking value replaced by {@code [masked <kind>]}, counted into {@code counts}.
     */
    public static String mask(String text, Map<String, Integer> counts) {
        String result = text;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (Kind kind : KINDS) {
            if (kind.hints().stream().noneMatch(lower::contains)) {
                continue;
            }
            Matcher matcher = kind.pattern().matcher(result);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String kept = kind.keepGroup() == 0 ? "" : matcher.group(kind.keepGroup());
                matcher.appendReplacement(out, Matcher.quoteReplacement(kept + "[masked " + kind.name() + "]"));
                counts.merge(kind.name(), 1, Integer::sum);
            }
            matcher.appendTail(out);
            result = out.toString();
        }
        return result;
    }
}
