package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a native image of the server would lack, read from the native-image configuration Quarkus generates with
 * {@code -Dnative-sources} (the native build without GraalVM's compiler): every Atlassian DTO ({@code *Dto} and the
 * types nested in {@code *Dto}/{@code *Dtos} classes of the client package) registered for reflection, since Jackson
 * binds some of them from trees where no REST client signature shows them, and commonmark's entity table kept as a
 * resource.
 */
public final class NativeReadiness {

    private static final String ENTITIES = "org/commonmark/internal/util/entities.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NativeReadiness() {
    }

    public static void assertReady() {
        Path sources = Path.of("target", "native-sources");
        assertTrue(Files.isDirectory(sources), sources + " is missing: run ./mvnw verify -Dnative-sources");
        try (Stream<Path> files = Files.list(sources)) {
            Path jar = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst().orElseThrow(
                    () -> new AssertionError("no runner jar in " + sources));
            Set<String> reflected = new HashSet<>();
            List<String> resources = new ArrayList<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                JSON.readTree(zip.getInputStream(zip.getEntry("META-INF/native-image/reflect-config.json"))).forEach(
                        e -> reflected.add(e.path("name").asText()));
                JSON.readTree(zip.getInputStream(zip.getEntry("META-INF/native-image/resource-config.json"))).at(
                        "/resources/includes").forEach(i -> resources.add(i.path("pattern").asText()));
            }
            List<String> missing = dtos().stream().filter(dto -> !reflected.contains(dto)).toList();
            assertTrue(missing.isEmpty(), "not registered for reflection (annotate with @RegisterForReflection): "
                    + missing);
            assertTrue(resources.stream().anyMatch(p -> Pattern.matches(p, ENTITIES)),
                    ENTITIES + " is not included in the native image "
                            + "(quarkus.native.resources.includes)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DTO classes of this module's client package, as binary names. */
    private static List<String> dtos() throws IOException {
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> dtos = files.map(f -> classes.relativize(f).toString()).filter(f -> f.contains("/client/")
                    && f.endsWith(".class")).map(f -> f.substring(0, f.length() - ".class".length()).replace('/',
                            '.'))
                    .filter(NativeReadiness::isDto).sorted().toList();
            assertTrue(!dtos.isEmpty(), "no DTOs found under " + classes);
            return dtos;
        }
    }

    private static boolean isDto(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String outer = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        return outer.endsWith("Dto") || (outer.endsWith("Dtos") && simple.contains("$"));
    }
}
