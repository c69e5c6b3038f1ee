package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a release of one server ships beside its application: the CycloneDX bill of materials
 * ({@code target/<server>-<version>-sbom.json}) names every jar the packaged server runs with
 * ({@code target/quarkus-app/lib}), at the same version, with a SHA-256 and, for each one not built here, its licences;
 * the licence report ({@code THIRD-PARTY.txt}, checked against the licence allow-list when it is made) is inside the
 * server's jar.
 */
public final class ReleaseArtifacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of("target");

    private ReleaseArtifacts() {
    }

    public static void assertShipped(String server) {
        Path app = single(TARGET.resolve("quarkus-app/app"), server + "-", ".jar");
        String version = app.getFileName().toString().substring(server.length() + 1).replace(".jar", "");
        JsonNode bom = read(TARGET.resolve(server + "-" + version + "-sbom.json"));

        assertEquals("1.6", bom.path("specVersion").asText());
        assertEquals(server, bom.path("metadata").path("component").path("name").asText());
        assertEquals(version, bom.path("metadata").path("component").path("version").asText());

        Set<String> listed = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode component : bom.path("components")) {
            String jar = jarName(component);
            listed.add(jar);
            boolean sha256 = false;
            for (JsonNode hash : component.path("hashes")) {
                sha256 |= hash.path("alg").asText().equals("SHA-256");
            }
            if (!sha256) {
                problems.add(jar + " has no SHA-256");
            }
            if (!component.path("group").asText().equals("dev.atlmcp") && component.path("licenses").isEmpty()) {
                problems.add(jar + " has no licence");
            }
        }
        Set<String> shipped = new TreeSet<>();
        for (String lib : List.of("boot", "main")) {
            try (Stream<Path> jars = Files.list(TARGET.resolve("quarkus-app/lib").resolve(lib))) {
                jars.map(jar -> jar.getFileName().toString()).forEach(shipped::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        shipped.removeAll(listed);
        assertEquals(Set.of(), shipped, "jars the server ships that its SBOM does not list");
        assertEquals(List.of(), problems);

        try (JarFile jar = new JarFile(app.toFile())) {
            assertTrue(jar.getEntry("THIRD-PARTY.txt") != null, app + " carries no licence report");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name Quarkus gives a dependency's jar in {@code lib/}: {@code group.name-version[-classifier].jar}. */
    private static String jarName(JsonNode component) {
        String purl = component.path("purl").asText();
        String classifier = "";
        int query = purl.indexOf('?');
        if (query >= 0) {
            for (String qualifier : purl.substring(query + 1).split("&")) {
                if (qualifier.startsWith("classifier=")) {
                    classifier = "-" + qualifier.substring("classifier=".length());
                }
            }
        }
        return component.path("group").asText() + "." + component.path("name").asText() + "-" + component.path(
                "version").asText() + classifier + ".jar";
    }

    private static Path single(Path folder, String prefix, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> matching = files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName()
                    .toString().endsWith(suffix)).toList();
            assertEquals(1, matching.size(), () -> "one " + prefix + "*" + suffix + " in " + folder + ": " + matching);
            return matching.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is missing or unreadable; ./mvnw package makes it", e);
        }
    }
}
