package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an answer costs and what it keeps: a committed list of the facts a seeded item holds (a test resource
 * {@code /fidelity/<name>.facts}), each looked for in the answer, and the tokens the answer costs a model.
 * <p>
 * The file: {@code bound: <tokens>} (the most the answer may cost), then one fact per line as {@code name<TAB>text}:
 * the text appears in the answer as written, or, after {@code re:}, a regular expression that finds it. Lines starting
 * with {@code #} are comments.
 */
public final class Fidelity {

    record Fact(String name, Pattern pattern) {
    }

    private final String name;
    private final int bound;
    private final List<Fact> facts;

    private Fidelity(String name, int bound, List<Fact> facts) {
        this.name = name;
        this.bound = bound;
        this.facts = facts;
    }

    public static Fidelity of(String name) {
        try (InputStream in = Fidelity.class.getResourceAsStream("/fidelity/" + name + ".facts")) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource /fidelity/" + name + ".facts");
            }
            int bound = -1;
            List<Fact> facts = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("bound: ")) {
                    bound = Integer.parseInt(line.substring("bound: ".length()).strip());
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException(name + ".facts: not 'name<TAB>text': " + line);
                }
                facts.add(new Fact(parts[0], parts[1].startsWith("re:") ? Pattern.compile(parts[1].substring(3))
                        : Pattern.compile(Pattern.quote(parts[1]))));
            }
            if (bound < 0 || facts.isEmpty()) {
                throw new IllegalArgumentException(name + ".facts needs a 'bound:' line and facts");
            }
            return new Fidelity(name, bound, List.copyOf(facts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints tokens and facts kept, then asserts that every fact is kept and the tokens stay within the bound. */
    public void check(String answer) {
        List<String> missing = facts.stream().filter(f -> !f.pattern().matcher(answer).find()).map(Fact::name)
                .toList();
        int tokens = Tokens.count(answer);
        System.out.println(name + ": " + tokens + " tokens (o200k_base, bound " + bound + "), " + (facts.size()
                - missing.size()) + " of " + facts.size() + " facts kept");
        assertTrue(missing.isEmpty(), () -> name + " lost " + missing + " in:\n" + answer);
        assertTrue(tokens <= bound, () -> name + " costs " + tokens + " tokens, more than its bound of " + bound
                + ":\n" + answer);
    }
}
