package dev.atlmcp.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A user's clone has nothing beside it: no source, POM, script or manifest of the repository may read a path outside
 * it. When this fails, copy what the file needs into the repository (with its licence and provenance) and read it from
 * there.
 */
class SelfContainedRepositoryTest {

    static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();

    @Test
    void nothingInTheRepositoryReadsAPathOutsideIt() {
        List<OutsideReads.Finding> findings = new OutsideReads(ROOT).scan();
        assertTrue(findings.isEmpty(), () -> "These read outside the repository, which a user's clone does not have:\n"
                + findings.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void findsEveryWayOfWritingAClimbOutOfTheRepository() {
        OutsideReads reads = new OutsideReads(ROOT);
        Path test = ROOT.resolve("shared/adf/src/test/java/dev/atlmcp/adf/SomeTest.java");
        Path pom = ROOT.resolve("shared/adf/pom.xml");
        Path script = ROOT.resolve("bench/some-script");
        Path kustomization = ROOT.resolve("k8s/overlays/prod/kustomization.yaml");
        String up = "..";

        assertEquals(List.of(up + "/" + up + "/" + up + "/shared/adf-corpus"), paths(reads, test,
                "Path.of(\"" + up + "/" + up + "/" + up + "/shared/adf-corpus\")"));
        assertEquals(List.of(up + "/" + up + "/" + up + "/shared"), paths(reads, test,
                "Path.of(\"" + up + "\", \"" + up + "\", \"" + up + "\", \"shared\")"));
        assertEquals(List.of(up + "/" + up + "/" + up + "/x"), paths(reads, test,
                "Path.of(\"" + up + "/" + up + "/\" + \"" + up + "/x\")"));
        assertEquals(List.of(up + "/" + up + "/" + up), paths(reads, test,
                "base.resolve(\"" + up + "\").resolve(\"" + up + "\").resolve(\"" + up + "\")"));
        assertEquals(List.of("${project.basedir}/" + up + "/" + up + "/" + up + "/shared/adf-corpus"), paths(reads,
                pom, "<argument>${project.basedir}/" + up + "/" + up + "/" + up + "/shared/adf-corpus</argument>"));
        assertEquals(List.of("${maven.multiModuleProjectDirectory}/" + up + "/shared"), paths(reads, pom,
                "<x>${maven.multiModuleProjectDirectory}/" + up + "/shared</x>"));
        assertEquals(List.of(up + "/shared/specs/SOURCES.md"), paths(reads, script, "cat " + up
                + "/shared/specs/SOURCES.md"));
        assertEquals(List.of("/" + up + "/" + up + "/shared"), paths(reads, script,
                "cd \"$(dirname \"$0\")/" + up + "/" + up + "/shared\""));
        assertEquals(List.of(up + "/" + up + "/" + up + "/" + up + "/base"), paths(reads, kustomization,
                "  - " + up + "/" + up + "/" + up + "/" + up + "/base"));
        assertEquals(List.of(ROOT.getParent() + "/"), paths(reads, script, "cat " + ROOT.getParent() + "/shared/x"));
    }

    @Test
    void letsPathsThatStayInsideThroughAsTheirReaderResolvesThem() {
        OutsideReads reads = new OutsideReads(ROOT);
        String up = "..";
        assertEquals(List.of(), paths(reads, ROOT.resolve("jira-mcp/src/test/java/dev/X.java"),
                "Path.of(\"" + up + "\", \"registry\"); Path.of(\"" + up + "/k8s/jira-mcp/kubernetes.yml\")"));
        assertEquals(List.of(), paths(reads, ROOT.resolve("shared/adf/pom.xml"),
                "<relativePath>" + up + "/" + up + "/pom.xml</relativePath>"));
        assertEquals(List.of(), paths(reads, ROOT.resolve(".ci/run"), "cd \"$(dirname \"$0\")/" + up + "\""));
        assertEquals(List.of(), paths(reads, ROOT.resolve("k8s/overlays/prod/jira-mcp/kustomization.yaml"),
                "  - " + up + "/" + up + "/" + up + "/jira-mcp"));
        assertEquals(List.of(), paths(reads, ROOT.resolve("shared/adf/src/main/java/X.java"),
                "String ellipsis = \"...\"; int[] r = {1, 2}; // 1" + up + "5 and a" + up + "b"));
    }

    private static List<String> paths(OutsideReads reads, Path file, String text) {
        return reads.scan(file, text).stream().map(OutsideReads.Finding::path).toList();
    }
}
