package dev.atlmcp.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * {@code kubectl kustomize
 *
<dir>
 * }: the objects a kustomization renders to, as JSON trees.
 */
final class Kustomize {

    static final Path ROOT = Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final boolean KUBECTL = installed();

    private Kustomize() {
    }

    /**
     * Renders with kubectl. Without kubectl the tests are skipped, unless {@code -Dk8s.require-kubectl=true} (CI sets
     * it) makes that a failure.
     */
    static List<ObjectNode> render(String dir) {
        if (!KUBECTL && !Boolean.getBoolean("k8s.require-kubectl")) {
            Assumptions.abort("kubectl is not installed: the Kubernetes manifests were not rendered");
        }
        String yaml = run("kubectl", "kustomize", ROOT.resolve(dir).toString());
        return parse(yaml);
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    private static boolean installed() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start()
                    .waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError(command[0] + " could not be run (" + e.getMessage() + "); the Kubernetes "
                    + "manifests are rendered with kubectl 1.27 or later (kustomize 5)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
