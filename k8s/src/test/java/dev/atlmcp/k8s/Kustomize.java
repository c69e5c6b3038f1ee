package dev.atlmcp.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.testing.KubernetesManifests;

/** What {@code kubectl kustomize DIR} renders, as JSON trees; each directory is rendered once per test run. */
final class Kustomize {

    /** The k8s/ directory: tests run in the module's directory. */
    static final Path ROOT = Path.of("").toAbsolutePath();
    private static final boolean KUBECTL = installed();
    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

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
        return RENDERED.computeIfAbsent(dir, d -> {
            try {
                return KubernetesManifests.objects(run("kubectl", "kustomize", ROOT.resolve(d).toString())).stream()
                        .filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
