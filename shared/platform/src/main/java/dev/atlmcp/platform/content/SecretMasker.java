package dev.atlmcp.platform.content;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.atlmcp.platform.errors.ToolRefusal;

/**
 * Masks values that look like secrets wherever text leaves the server: providers' token formats (cloud, source hosts,
 * package registries, chat, payment, mail, AI, observability, databases), private keys, credentials in URLs and
 * {@code Authorization} headers, and values assigned to secret-named keys in env, properties, JSON and YAML form. The
 * rule set is documented in {@code docs/secret-masking.md}. Each rule names lower-case keywords one of which every
 * match contains, so most text skips most rules. Only the secret part of a match is replaced, by
 * {@code [masked <kind>]}: keys, quotes and hosts around it stay, so JSON stays JSON.
 */
public final class SecretMasker {

    /**
     * {@code pattern}'s group {@code s}, or the whole match without one, is the secret; {@code real} rejects matches
     * that only look like one (placeholders, references).
     */
    private record Rule(String kind, List<String> keywords, Pattern pattern, Predicate<String> real,
            boolean grouped) {

        Rule(String kind, List<String> keywords, Pattern pattern, Predicate<String> real) {
            this(kind, keywords, pattern, real, pattern.pattern().contains("(?<s>"));
        }

        Rule(String kind, List<String> keywords, String regex) {
            this(kind, keywords, Pattern.compile(regex), s -> true);
        }
    }

    /** A key name that holds a password, ending the name: {@code DB_PASSWORD}, {@code "password"}, {@code pwd}. */
    private static final String PASSWORD_KEY = "[A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd)";
    /** A key name that holds a token or key, ending the name: {@code aws_secret_access_key}, {@code api-key}. */
    private static final String TOKEN_KEY = "[A-Za-z0-9_.-]*(?:secret|secret[_-]?key|api[_-]?key|apikey"
            + "|access[_-]?key|access[_-]?token|auth[_-]?token|authtoken|refresh[_-]?token|private[_-]?key"
            + "|signing[_-]?key|encryption[_-]?key|client[_-]?secret|token|credentials?)";
    /** Key names that end like a secret's but hold none: a page cursor, this server's own confirmation token. */
    private static final String NOT_SECRET_KEY = "(?!(?:next[_-]?)?page[_-]?token|confirmation[_-]?token)";
    /**
     * After the key: an optional closing quote (escaped in JSON inside JSON), then {@code =}, {@code :} or {@code =>}.
     */
    private static final String ASSIGN = "\\\\?[\"']?\\s*(?:=>|[:=])\\s*\\\\?[\"']?";
    /** The value: in quotes, up to the closing quote; otherwise up to white space, a comma or a semicolon. */
    private static final String VALUE = "(?<s>(?<=[\"'])[^\"'\\\\\\n]+|(?<![\"'])[^\\s\"'`,;\\\\]+)";

    private static final List<Rule> RULES = List.of(
            // private keys
            new Rule("private key", List.of("private key-----"),
                    "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----"),
            new Rule("PGP private key", List.of("pgp private key block"),
                    "-----BEGIN PGP PRIVATE KEY BLOCK-----[\\s\\S]*?-----END PGP PRIVATE KEY BLOCK-----"),
            new Rule("PuTTY private key", List.of("private-lines:"),
                    "(?<s>Private-Lines: \\d+[\\s\\S]*?Private-MAC: [0-9a-fA-F]+)"),
            new Rule("age secret key", List.of("age-secret-key-1"), "\\bAGE-SECRET-KEY-1[0-9A-Z]{58}\\b"),
            // cloud providers
            new Rule("AWS access key", List.of("akia", "asia", "abia", "acca"),
                    "\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b"),
            new Rule("Google API key", List.of("aiza"), "\\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"),
            new Rule("Google OAuth client secret", List.of("gocspx-"), "\\bGOCSPX-[0-9A-Za-z_-]{28}(?![0-9A-Za-z_-])"),
            new Rule("Azure storage key", List.of("accountkey="), "(?i)\\bAccountKey=(?<s>[A-Za-z0-9+/]{86}==)"),
            new Rule("Azure SAS signature", List.of("sig="), "[?&]sig=(?<s>[A-Za-z0-9%+/]{40,}(?:%3D|=)*)"),
            new Rule("Azure client secret", List.of("q~"),
                    "(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])"),
            new Rule("DigitalOcean token", List.of("dop_v1_", "doo_v1_", "dor_v1_"), "\\bdo[opr]_v1_[a-f0-9]{64}\\b"),
            new Rule("Alibaba Cloud key", List.of("ltai"), "\\bLTAI[A-Za-z0-9]{20}\\b"),
            new Rule("HashiCorp Vault token", List.of("hvs.", "hvb."), "\\bhv[sb]\\.[A-Za-z0-9_-]{24,}"),
            new Rule("Terraform Cloud token", List.of(".atlasv1."),
                    "\\b[a-zA-Z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}"),
            new Rule("Doppler token", List.of("dp.pt.", "dp.st.", "dp.sa."),
                    "\\bdp\\.(?:pt|st|sa|ct|scim)\\.[A-Za-z0-9]{40,44}\\b"),
            new Rule("Pulumi token", List.of("pul-"), "\\bpul-[a-f0-9]{40}\\b"),
            new Rule("Databricks token", List.of("dapi"), "\\bdapi[a-f0-9]{32}(?:-\\d)?\\b"),
            new Rule("Supabase token", List.of("sbp_"), "\\bsbp_[a-f0-9]{40}\\b"),
            new Rule("PlanetScale token", List.of("pscale_"), "\\bpscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64}"),
            // source hosts, registries, CI
            new Rule("GitHub token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                    "\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"),
            new Rule("GitHub token", List.of("github_pat_"), "\\bgithub_pat_[A-Za-z0-9_]{50,}"),
            new Rule("GitLab token", List.of("glpat-", "gldt-", "glrt-", "glptt-", "gloas-", "glcbt-", "glft-"),
                    "\\bgl(?:pat|dt|rt|ptt|oas|cbt|ft)-[A-Za-z0-9_-]{20,}"),
            new Rule("Bitbucket app password", List.of("atbb"), "\\bATBB[A-Za-z0-9_=.-]{28,}"),
            new Rule("Atlassian API token", List.of("atatt", "atctt"), "\\bAT[AC]TT[A-Za-z0-9_\\-=]{20,}"),
            new Rule("npm token", List.of("npm_"), "\\bnpm_[A-Za-z0-9]{36}\\b"),
            new Rule("PyPI token", List.of("pypi-ageichlwas5vcmc"), "\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"),
            new Rule("Docker Hub token", List.of("dckr_pat_"), "\\bdckr_pat_[A-Za-z0-9_-]{27,}"),
            new Rule("JFrog token", List.of("akcp"), "\\bAKCp[A-Za-z0-9]{69}\\b"),
            new Rule("SonarQube token", List.of("squ_", "sqp_", "sqa_"), "\\bsq[upa]_[a-f0-9]{40}\\b"),
            new Rule("Shopify token", List.of("shpat_", "shpca_", "shppa_", "shpss_"),
                    "\\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\\b"),
            // chat and collaboration
            new Rule("Slack token", List.of("xox"), "\\bxox[abposre]-[A-Za-z0-9-]{10,}"),
            new Rule("Slack webhook", List.of("hooks.slack.com"),
                    "https://hooks\\.slack\\.com/(?:services|workflows)/(?<s>[A-Za-z0-9/_-]{20,})"),
            new Rule("Discord webhook", List.of("/api/webhooks/"),
                    "https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d+/(?<s>[A-Za-z0-9_-]{60,})"),
            new Rule("Teams webhook", List.of("webhook.office.com"),
                    "https://[A-Za-z0-9.-]+\\.webhook\\.office\\.com/(?<s>webhookb2/[A-Za-z0-9@/._-]{40,})"),
            new Rule("Telegram bot token", List.of(":aa"), "\\b\\d{8,10}:AA[A-Za-z0-9_-]{33}\\b"),
            new Rule("Linear API key", List.of("lin_api_"), "\\blin_api_[A-Za-z0-9]{40}\\b"),
            new Rule("Notion token", List.of("ntn_", "secret_"),
                    "\\b(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})\\b"),
            new Rule("Postman API key", List.of("pmak-"), "\\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\\b"),
            new Rule("Figma token", List.of("figd_"), "\\bfigd_[A-Za-z0-9_-]{40}"),
            new Rule("Airtable token", List.of("pat"), "\\bpat[A-Za-z0-9]{14}\\.[a-f0-9]{64}\\b"),
            new Rule("Dropbox token", List.of("sl."), "\\bsl\\.[A-Za-z0-9_-]{130,}"),
            // payment
            new Rule("Stripe key", List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_"),
                    "\\b[rs]k_(?:live|test)_[A-Za-z0-9]{24,}"),
            new Rule("Stripe webhook secret", List.of("whsec_"), "\\bwhsec_[A-Za-z0-9]{32,}"),
            new Rule("Square token", List.of("sq0atp-", "sq0csp-"),
                    "\\bsq0(?:atp-[A-Za-z0-9_-]{22}|csp-[A-Za-z0-9_-]{43})"),
            new Rule("Braintree token", List.of("access_token$production$"),
                    "access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32}"),
            // mail and messaging
            new Rule("SendGrid key", List.of("sg."), "\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}\\b"),
            new Rule("Mailgun key", List.of("key-"), "\\bkey-[0-9a-zA-Z]{32}\\b"),
            new Rule("Mailchimp key", List.of("-us"), "\\b[0-9a-f]{32}-us\\d{1,2}\\b"),
            new Rule("Twilio API key", List.of("sk"), "\\bSK[0-9a-fA-F]{32}\\b"),
            // AI
            new Rule("OpenAI key", List.of("sk-"),
                    "\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}"),
            new Rule("OpenAI key", List.of("sk-proj-", "sk-svcacct-"), "\\bsk-(?:proj|svcacct)-[A-Za-z0-9_-]{40,}"),
            new Rule("Anthropic key", List.of("sk-ant-"), "\\bsk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{80,}"),
            new Rule("Hugging Face token", List.of("hf_"), "\\bhf_[A-Za-z]{34}\\b"),
            // observability
            new Rule("New Relic key", List.of("nrak-", "nrii-"), "\\bNR(?:AK|II)-[A-Z0-9]{27}\\b"),
            new Rule("Grafana token", List.of("glsa_", "glc_"),
                    "\\b(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})"),
            new Rule("Sentry DSN key", List.of("sentry.io", "ingest."),
                    "https://(?<s>[a-f0-9]{32})@[a-z0-9.-]*(?:sentry\\.io|ingest\\.[a-z0-9.-]+)"),
            new Rule("Mapbox secret token", List.of("sk.eyj"), "\\bsk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}"),
            // tokens by shape and by place
            new Rule("JWT", List.of("eyj"), "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
            new Rule("bearer token", List.of("bearer"), "(?i)\\bbearer\\s+(?<s>[A-Za-z0-9._~+/-]{20,}=*)"),
            new Rule("basic credentials", List.of("basic"),
                    Pattern.compile("(?i)\\bbasic\\s+(?<s>[A-Za-z0-9+/]{8,}={0,2})"
                            + "(?![A-Za-z0-9+/=])"),
                    SecretMasker::isUserAndPassword),
            new Rule("password in URL", List.of("://"), Pattern.compile(
                    "\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\\s:/@\"'`<>]{1,100}:(?<s>[^\\s/@\"'`<>]{1,200})@[A-Za-z0-9.\\[-]"),
                    SecretMasker::notPlaceholder),
            // values of secret-named keys: env, properties, JSON, YAML, connection strings
            new Rule("password", List.of("pass", "pwd"), Pattern.compile("(?i)(?<![A-Za-z0-9_.-])" + PASSWORD_KEY
                    + ASSIGN + VALUE), SecretMasker::looksLikePassword),
            new Rule("secret", List.of("secret", "key", "token", "credential"),
                    Pattern.compile("(?i)(?<![A-Za-z0-9_.-])"
                            + NOT_SECRET_KEY + TOKEN_KEY + ASSIGN + VALUE),
                    v -> notPlaceholder(v) && v.length() >= 8 && v.chars().anyMatch(
                            Character::isDigit) && v.chars().noneMatch(Character::isWhitespace)));

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
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.keywords().stream().noneMatch(lower::contains)) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(result);
            StringBuilder out = null;
            int copied = 0;
            while (matcher.find()) {
                int start = rule.grouped() ? matcher.start("s") : matcher.start();
                int end = rule.grouped() ? matcher.end("s") : matcher.end();
                if (start < 0 || !rule.real().test(result.substring(start, end))) {
                    continue;
                }
                out = out == null ? new StringBuilder(result.length()) : out;
                out.append(result, copied, start).append("[masked ").append(rule.kind()).append(']');
                copied = end;
                counts.merge(rule.kind(), 1, Integer::sum);
            }
            if (out != null) {
                result = out.append(result, copied, result.length()).toString();
            }
        }
        return result;
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
