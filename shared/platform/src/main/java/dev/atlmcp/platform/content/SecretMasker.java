package dev.atlmcp.platform.content;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.atlmcp.platform.errors.ToolRefusal;

/**
 * Masks values that look like secrets wherever text leaves the server: providers' token formats (cloud, source hosts,
 * package registries, chat, payment, mail, AI, observability, databases), private keys, credentials in URLs and
 * {@code Authorization} headers, and values assigned to secret-named keys in env, properties, JSON and YAML form. The
 * rule set is documented in {@code docs/secret-masking.md}. Only the secret part of a match is replaced, by
 * {@code [masked <kind>]}: keys, quotes and hosts around it stay, so JSON stays JSON.
 * <p>
 * Each rule names keywords, one of which every match contains, in the case its pattern requires. Text holding none of
 * them skips the rule. Most rules' matches begin with a keyword: for those the pattern is only tried where a keyword
 * occurs, so masking an answer costs a few substring searches rather than a pattern run from every position.
 */
public final class SecretMasker {

    /**
     * {@code pattern}'s group {@code s}, or the whole match without one, is the secret; {@code real} rejects matches
     * that only look like one (placeholders, references). When {@code startsWithKeyword}, every match begins where one
     * of {@code keywords} does (look-behinds may inspect the text before it).
     */
    private record Rule(String kind, List<String> keywords, Pattern pattern, Predicate<String> real,
            boolean startsWithKeyword, boolean grouped, boolean ignoreCase) {

        static Rule starting(String kind, List<String> keywords, String regex) {
            return starting(kind, keywords, regex, s -> true);
        }

        static Rule starting(String kind, List<String> keywords, String regex, Predicate<String> real) {
            return new Rule(kind, keywords, regex, real, true);
        }

        static Rule containing(String kind, List<String> keywords, String regex) {
            return new Rule(kind, keywords, regex, s -> true, false);
        }

        private Rule(String kind, List<String> keywords, String regex, Predicate<String> real,
                boolean startsWithKeyword) {
            this(kind, keywords, Pattern.compile(regex), real, startsWithKeyword, regex.contains("(?<s>"), regex
                    .startsWith("(?i)"));
        }
    }

    /** A key name ending that holds a password: {@code DB_PASSWORD}, {@code "password"}, {@code pwd}. */
    private static final String PASSWORD_KEY = "(?:password|passwd|passphrase|pwd)";
    /**
     * After {@code token}: the key is not a page cursor or this server's own confirmation token (checked after the
     * word, so that only a {@code token} pays for it).
     */
    private static final String NOT_SECRET_KEY = "(?<!(?<![A-Za-z0-9_.-])(?:next[_-]?)?page[_-]?token"
            + "|(?<![A-Za-z0-9_.-])confirmation[_-]?token)";
    /**
     * A key name ending that holds a token or key: {@code aws_secret_access_key}, {@code api-key}, {@code
     * refresh_token}.
     */
    private static final String TOKEN_KEY = "(?:secret|token" + NOT_SECRET_KEY + "|credentials?"
            + "|(?:secret|api|access|private|signing|encryption)[_-]?key)";
    /**
     * After the key: an optional closing quote (escaped in JSON inside JSON), then {@code =}, {@code :} or {@code =>}.
     */
    private static final String ASSIGN = "\\\\?[\"']?\\s*(?:=>|[:=])\\s*\\\\?[\"']?";
    /** The value: in quotes, up to the closing quote; otherwise up to white space, a comma or a semicolon. */
    private static final String VALUE = "(?<s>(?<=[\"'])[^\"'\\\\\\n]+|(?<![\"'])[^\\s\"'`,;\\\\]+)";

    private static final List<Rule> RULES = List.of(
            // private keys
            Rule.containing("private key", List.of("PRIVATE KEY-----"),
                    "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----"),
            Rule.starting("PGP private key", List.of("-----BEGIN PGP PRIVATE KEY BLOCK-----"),
                    "-----BEGIN PGP PRIVATE KEY BLOCK-----[\\s\\S]*?-----END PGP PRIVATE KEY BLOCK-----"),
            Rule.starting("PuTTY private key", List.of("Private-Lines: "),
                    "(?<s>Private-Lines: \\d+[\\s\\S]*?Private-MAC: [0-9a-fA-F]+)"),
            Rule.starting("age secret key", List.of("AGE-SECRET-KEY-1"), "\\bAGE-SECRET-KEY-1[0-9A-Z]{58}\\b"),
            // cloud providers
            Rule.starting("AWS access key", List.of("AKIA", "ASIA", "ABIA", "ACCA"),
                    "\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b"),
            Rule.starting("Google API key", List.of("AIza"), "\\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"),
            Rule.starting("Google OAuth client secret", List.of("GOCSPX-"),
                    "\\bGOCSPX-[0-9A-Za-z_-]{28}(?![0-9A-Za-z_-])"),
            Rule.starting("Azure storage key", List.of("accountkey="),
                    "(?i)\\bAccountKey=(?<s>[A-Za-z0-9+/]{86}==)"),
            Rule.starting("Azure SAS signature", List.of("?sig=", "&sig="),
                    "[?&]sig=(?<s>[A-Za-z0-9%+/]{40,}(?:%3D|=)*)"),
            Rule.containing("Azure client secret", List.of("Q~"),
                    "(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])"),
            Rule.starting("DigitalOcean token", List.of("dop_v1_", "doo_v1_", "dor_v1_"),
                    "\\bdo[opr]_v1_[a-f0-9]{64}\\b"),
            Rule.starting("Alibaba Cloud key", List.of("LTAI"), "\\bLTAI[A-Za-z0-9]{20}\\b"),
            Rule.starting("HashiCorp Vault token", List.of("hvs.", "hvb."), "\\bhv[sb]\\.[A-Za-z0-9_-]{24,}"),
            Rule.containing("Terraform Cloud token", List.of(".atlasv1."),
                    "\\b[a-zA-Z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}"),
            Rule.starting("Doppler token", List.of("dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim."),
                    "\\bdp\\.(?:pt|st|sa|ct|scim)\\.[A-Za-z0-9]{40,44}\\b"),
            Rule.starting("Pulumi token", List.of("pul-"), "\\bpul-[a-f0-9]{40}\\b"),
            Rule.starting("Databricks token", List.of("dapi"), "\\bdapi[a-f0-9]{32}(?:-\\d)?\\b"),
            Rule.starting("Supabase token", List.of("sbp_"), "\\bsbp_[a-f0-9]{40}\\b"),
            Rule.starting("PlanetScale token", List.of("pscale_"),
                    "\\bpscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64}"),
            // source hosts, registries, CI
            Rule.starting("GitHub token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                    "\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"),
            Rule.starting("GitHub token", List.of("github_pat_"), "\\bgithub_pat_[A-Za-z0-9_]{50,}"),
            Rule.starting("GitLab token", List.of("glpat-", "gldt-", "glrt-", "glptt-", "gloas-", "glcbt-", "glft-"),
                    "\\bgl(?:pat|dt|rt|ptt|oas|cbt|ft)-[A-Za-z0-9_-]{20,}"),
            Rule.starting("Bitbucket app password", List.of("ATBB"), "\\bATBB[A-Za-z0-9_=.-]{28,}"),
            Rule.starting("Atlassian API token", List.of("ATATT", "ATCTT"), "\\bAT[AC]TT[A-Za-z0-9_\\-=]{20,}"),
            Rule.starting("npm token", List.of("npm_"), "\\bnpm_[A-Za-z0-9]{36}\\b"),
            Rule.starting("PyPI token", List.of("pypi-AgEIcHlwaS5vcmc"), "\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"),
            Rule.starting("Docker Hub token", List.of("dckr_pat_"), "\\bdckr_pat_[A-Za-z0-9_-]{27,}"),
            Rule.starting("JFrog token", List.of("AKCp"), "\\bAKCp[A-Za-z0-9]{69}\\b"),
            Rule.starting("SonarQube token", List.of("squ_", "sqp_", "sqa_"), "\\bsq[upa]_[a-f0-9]{40}\\b"),
            Rule.starting("Shopify token", List.of("shpat_", "shpca_", "shppa_", "shpss_"),
                    "\\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\\b"),
            // chat and collaboration
            Rule.starting("Slack token", List.of("xox"), "\\bxox[abposre]-[A-Za-z0-9-]{10,}"),
            Rule.starting("Slack webhook", List.of("https://hooks.slack.com/"),
                    "https://hooks\\.slack\\.com/(?:services|workflows)/(?<s>[A-Za-z0-9/_-]{20,})"),
            Rule.containing("Discord webhook", List.of("/api/webhooks/"),
                    "https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d+/(?<s>[A-Za-z0-9_-]{60,})"),
            Rule.containing("Teams webhook", List.of("webhook.office.com"),
                    "https://[A-Za-z0-9.-]+\\.webhook\\.office\\.com/(?<s>webhookb2/[A-Za-z0-9@/._-]{40,})"),
            Rule.containing("Telegram bot token", List.of(":AA"), "\\b\\d{8,10}:AA[A-Za-z0-9_-]{33}\\b"),
            Rule.starting("Linear API key", List.of("lin_api_"), "\\blin_api_[A-Za-z0-9]{40}\\b"),
            Rule.starting("Notion token", List.of("ntn_", "secret_"),
                    "\\b(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})\\b"),
            Rule.starting("Postman API key", List.of("PMAK-"), "\\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\\b"),
            Rule.starting("Figma token", List.of("figd_"), "\\bfigd_[A-Za-z0-9_-]{40}"),
            Rule.starting("Airtable token", List.of("pat"), "\\bpat[A-Za-z0-9]{14}\\.[a-f0-9]{64}\\b"),
            Rule.starting("Dropbox token", List.of("sl."), "\\bsl\\.[A-Za-z0-9_-]{130,}"),
            // payment
            Rule.starting("Stripe key", List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_"),
                    "\\b[rs]k_(?:live|test)_[A-Za-z0-9]{24,}"),
            Rule.starting("Stripe webhook secret", List.of("whsec_"), "\\bwhsec_[A-Za-z0-9]{32,}"),
            Rule.starting("Square token", List.of("sq0atp-", "sq0csp-"),
                    "\\bsq0(?:atp-[A-Za-z0-9_-]{22}|csp-[A-Za-z0-9_-]{43})"),
            Rule.starting("Braintree token", List.of("access_token$production$"),
                    "access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32}"),
            // mail and messaging
            Rule.starting("SendGrid key", List.of("SG."), "\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}\\b"),
            Rule.starting("Mailgun key", List.of("key-"), "\\bkey-[0-9a-zA-Z]{32}\\b"),
            Rule.containing("Mailchimp key", List.of("-us"), "\\b[0-9a-f]{32}-us\\d{1,2}\\b"),
            Rule.starting("Twilio API key", List.of("SK"), "\\bSK[0-9a-fA-F]{32}\\b"),
            // AI
            Rule.starting("OpenAI key", List.of("sk-"),
                    "\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}"),
            Rule.starting("OpenAI key", List.of("sk-proj-", "sk-svcacct-"),
                    "\\bsk-(?:proj|svcacct)-[A-Za-z0-9_-]{40,}"),
            Rule.starting("Anthropic key", List.of("sk-ant-"), "\\bsk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{80,}"),
            Rule.starting("Hugging Face token", List.of("hf_"), "\\bhf_[A-Za-z]{34}\\b"),
            // observability
            Rule.starting("New Relic key", List.of("NRAK-", "NRII-"), "\\bNR(?:AK|II)-[A-Z0-9]{27}\\b"),
            Rule.starting("Grafana token", List.of("glsa_", "glc_"),
                    "\\b(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})"),
            Rule.containing("Sentry DSN key", List.of("sentry.io", "ingest."),
                    "https://(?<s>[a-f0-9]{32})@[a-z0-9.-]*(?:sentry\\.io|ingest\\.[a-z0-9.-]+)"),
            Rule.starting("Mapbox secret token", List.of("sk.eyJ"),
                    "\\bsk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}"),
            // tokens by shape and by place
            Rule.starting("JWT", List.of("eyJ"),
                    "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
            Rule.starting("bearer token", List.of("bearer"), "(?i)\\bbearer\\s+(?<s>[A-Za-z0-9._~+/-]{20,}=*)"),
            Rule.starting("basic credentials", List.of("basic"),
                    "(?i)\\bbasic\\s+(?<s>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])", SecretMasker::isUserAndPassword),
            // begins at "://"; the scheme before it is checked by the look-behind
            Rule.starting("password in URL", List.of("://"), "(?<=\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20})"
                    + "://[^\\s:/@\"'`<>]{1,100}:(?<s>[^\\s/@\"'`<>]{1,200})@[A-Za-z0-9.\\[-]",
                    SecretMasker::notPlaceholder),
            // values of secret-named keys: env, properties, JSON, YAML, connection strings. A match begins at the
            // ending that makes the key secret-named; what comes before it in the key does not matter.
            Rule.starting("password", List.of("password", "passwd", "passphrase", "pwd"),
                    "(?i)" + PASSWORD_KEY + ASSIGN + VALUE, SecretMasker::looksLikePassword),
            Rule.starting("secret", List.of("secret", "token", "credential", "api", "access", "private", "signing",
                    "encryption"), "(?i)" + TOKEN_KEY + ASSIGN + VALUE,
                    v -> notPlaceholder(v) && v.length() >= 8 && v.chars().anyMatch(
                            Character::isDigit) && v.chars().noneMatch(Character::isWhitespace)));

    /**
     * Every rule's keywords in lower case, found in a text in one pass; a rule none of whose keywords occur is skipped.
     */
    private static final KeywordScan KEYWORDS;
    /** For each rule, by its place in {@link #RULES}, the numbers of its keywords in {@link #KEYWORDS}. */
    private static final List<BitSet> RULE_KEYWORDS;

    static {
        List<String> keywords = RULES.stream().flatMap(r -> r.keywords().stream()).map(SecretMasker::asciiLowerCase)
                .distinct().toList();
        KEYWORDS = new KeywordScan(keywords);
        RULE_KEYWORDS = RULES.stream().map(r -> {
            BitSet ids = new BitSet();
            r.keywords().forEach(k -> ids.set(keywords.indexOf(asciiLowerCase(k))));
            return ids;
        }).toList();
    }

    private static final Pattern MASKED = Pattern.compile("\\[masked [A-Za-z ]+\\]");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)(?:\\$\\{?.*|\\{\\{.*|<.*|%.*%|\\*+|x{3,}|\\.{3,}"
            + "|\\[masked.*|null|none|true|false|changeme|redacted|hidden|secret|password|example|test|dummy|\\?+)");

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

    /** {@code text} with every secret-looking value masked. */
    public static String mask(String text) {
        return mask(text, new java.util.HashMap<>());
    }

    /**
     * {@code text} with every secret-looking value replaced by {@code [masked <kind>]}, counted into {@code counts}.
     */
    public static String mask(String text, Map<String, Integer> counts) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        String lower = asciiLowerCase(text);
        BitSet present = KEYWORDS.present(lower);
        for (int r = 0; r < RULES.size(); r++) {
            Rule rule = RULES.get(r);
            if (!present.intersects(RULE_KEYWORDS.get(r))) {
                continue;
            }
            if (rule.ignoreCase() && lower == null) {
                lower = asciiLowerCase(result);
            }
            String searched = rule.ignoreCase() ? lower : result;
            if (!rule.ignoreCase() && !containsAny(searched, rule.keywords())) {
                continue;
            }
            String masked = apply(rule, result, searched, counts);
            if (masked != null) {
                result = masked;
                lower = null;
            }
        }
        return result;
    }

    /** {@code text} with {@code rule}'s secrets masked, or null when it has none. */
    private static String apply(Rule rule, String text, String searched, Map<String, Integer> counts) {
        Matcher matcher = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int[] starts = rule.startsWithKeyword() ? keywordPositions(rule.keywords(), searched) : null;
        StringBuilder out = null;
        int copied = 0;
        int next = 0;
        int candidate = 0;
        while (true) {
            if (starts == null) {
                if (!matcher.find()) {
                    break;
                }
            } else {
                while (candidate < starts.length && starts[candidate] < next) {
                    candidate++;
                }
                if (candidate == starts.length) {
                    break;
                }
                if (!matcher.region(starts[candidate++], text.length()).lookingAt()) {
                    continue;
                }
                next = matcher.end();
            }
            int start = rule.grouped() ? matcher.start("s") : matcher.start();
            int end = rule.grouped() ? matcher.end("s") : matcher.end();
            if (start < 0 || !rule.real().test(text.substring(start, end))) {
                continue;
            }
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(text, copied, start).append("[masked ").append(rule.kind()).append(']');
            copied = end;
            counts.merge(rule.kind(), 1, Integer::sum);
        }
        return out == null ? null : out.append(text, copied, text.length()).toString();
    }

    private static boolean containsAny(String text, List<String> keywords) {
        for (String keyword : keywords) {
            if (text.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Where any of {@code keywords} occurs in {@code text}, ascending. */
    private static int[] keywordPositions(List<String> keywords, String text) {
        int[] positions = new int[8];
        int count = 0;
        for (String keyword : keywords) {
            for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
                if (count == positions.length) {
                    positions = Arrays.copyOf(positions, count * 2);
                }
                positions[count++] = at;
            }
        }
        Arrays.sort(positions, 0, count);
        return Arrays.copyOf(positions, count);
    }

    /** Lower-cases ASCII letters only, as {@code (?i)} matches them, keeping every index where it was. */
    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** Not a placeholder, and not a plain lower-case word as in "password: use the one in the vault". */
    private static boolean looksLikePassword(String value) {
        return notPlaceholder(value) && (value.length() >= 12 || !value.chars().allMatch(Character::isLowerCase));
    }

    private static boolean notPlaceholder(String value) {
        return !PLACEHOLDER.matcher(value).matches();
    }

    /** Basic credentials are Base64 of {@code user:password}; "basic authentication" is not. */
    private static boolean isUserAndPassword(String value) {
        try {
            String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            return decoded.indexOf(':') > 0 && decoded.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
