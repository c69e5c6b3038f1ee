package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code k8s/<server>/kubernetes.yml}, the base of the server's Kubernetes deployment, is exactly what
 * quarkus-kubernetes generated in this build ({@code target/kubernetes/kubernetes.yml}), so the manifests follow the
 * configuration (ports, probes, resources, environment). Runs after packaging, in the module's directory.
 */
public final class KubernetesManifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KubernetesManifests() {
    }

    public static void assertInSync(String server) {
        Path generated = Path.of("target", "kubernetes", "kubernetes.yml");
        Path committed = Path.of("..", "k8s", server, "kubernetes.yml");
        assertTrue(Files.exists(generated), generated + " is missing: the build generates it when packaging");
        try {
            if (Boolean.getBoolean("k8s.update")) {
                Files.copy(generated, committed, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            assertEquals(objects(generated), objects(committed), "k8s/" + server
                    + "/kubernetes.yml differs from what quarkus-kubernetes generates; review the change, then run "
                    + "./mvnw verify -pl " + server + " -Dit.test=KubernetesManifestIT -Dk8s.update=true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The documents of a YAML manifest file as trees (compared as trees because quarkus-kubernetes does not keep the
     * order of labels).
     */
    public static List<JsonNode> objects(Path manifest) throws IOException {
        return YAML.readValues(YAML.getFactory().createParser(manifest.toFile()), JsonNode.class).readAll();
    }

    /** The documents of YAML text, e.g. what {@code kubectl kustomize} prints, as trees. */
    public static List<JsonNode> objects(String manifest) throws IOException {
        return YAML.readValues(YAML.getFactory().createParser(manifest), JsonNode.class).readAll();
    }
}
