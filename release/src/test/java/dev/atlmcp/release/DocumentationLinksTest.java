package dev.atlmcp.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the repository's Markdown points to a file that exists and, with a {@code #fragment}, to a
 * heading of that file, so moving a section cannot leave a link behind.
 */
class DocumentationLinksTest {

    private static final Path ROOT = SelfContainedRepositoryTest.ROOT;
    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void relativeLinksReachTheirFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> documents = documents();
        for (Path document : documents) {
            for (String target : links(document)) {
                check(document, target).ifPresent(broken::add);
            }
        }
        assertEquals(List.of(), broken, "broken links in " + documents.size() + " Markdown files");
    }

    @Test
    void aMissingHeadingOrFileIsFound() throws IOException {
        Path readme = ROOT.resolve("README.md");
        assertEquals(Optional.empty(), check(readme, "docs/configuration.md#configuration"));
        assertEquals(Optional.of("README.md -> docs/configuration.md#no-such-heading (no such heading)"),
                check(readme, "docs/configuration.md#no-such-heading"));
        assertEquals(Optional.of("README.md -> docs/moved-away.md (no such file)"), check(readme,
                "docs/moved-away.md"));
    }

    private Optional<String> check(Path document, String target) throws IOException {
        if (target.isEmpty() || URI.create(target.replace(" ", "%20")).getScheme() != null) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
        String where = ROOT.relativize(document) + " -> " + target;
        if (!Files.exists(file)) {
            return Optional.of(where + " (no such file)");
        }
        if (hash >= 0 && file.toString().endsWith(".md") && !anchors(file).contains(target.substring(hash + 1))) {
            return Optional.of(where + " (no such heading)");
        }
        return Optional.empty();
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".md")).filter(f -> {
                String relative = ROOT.relativize(f).toString();
                return !relative.startsWith(".git/") && !relative.contains("node_modules/")
                        && !relative.contains("target/");
            }).sorted().toList();
        }
    }

    private static List<String> links(Path document) throws IOException {
        List<String> links = new ArrayList<>();
        MARKDOWN.parse(Files.readString(document)).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }
        });
        return links;
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens. */
    private Set<String> anchors(Path file) throws IOException {
        Set<String> known = anchors.get(file);
        if (known == null) {
            Set<String> found = new HashSet<>();
            MARKDOWN.parse(Files.readString(file)).accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    found.add(text(heading).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_ -]", "")
                            .replace(' ', '-'));
                }
            });
            anchors.put(file, found);
            known = found;
        }
        return known;
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }
}
