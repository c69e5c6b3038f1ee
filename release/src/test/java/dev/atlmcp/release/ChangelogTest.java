package dev.atlmcp.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * CHANGELOG.md keeps the Keep a Changelog form an operator reads before upgrading, and the version it speaks of is the
 * one the build, and the image tags the Kubernetes overlays deploy, carry.
 */
class ChangelogTest {

    private static final Path ROOT = SelfContainedRepositoryTest.ROOT;
    private static final Pattern RELEASE = Pattern.compile("## \\[(\\d+)\\.(\\d+)\\.(\\d+)] - (\\d{4}-\\d{2}-\\d{2})");
    private static final Set<String> KINDS = Set.of("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security",
            "Upgrade notes");
    private static final Comparator<int[]> SEMVER = Comparator.<int[]> comparingInt(v -> v[0]).thenComparingInt(
            v -> v[1]).thenComparingInt(v -> v[2]);

    private static int[] semver(String version) {
        return Stream.of(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    /** Each version's heading and the headings of its subsections, in file order. */
    private static Map<String, List<String>> sections() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("CHANGELOG.md"));
        assertEquals("# Changelog", lines.get(0));
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                current = new ArrayList<>();
                assertTrue(sections.put(line, current) == null, "one section per version: " + line);
            } else if (line.startsWith("### ")) {
                assertTrue(current != null, "a subsection outside a version: " + line);
                current.add(line.substring(4));
            }
        }
        return sections;
    }

    @Test
    void opensWithUnreleasedChangesAndTheirUpgradeNotes() throws IOException {
        Map.Entry<String, List<String>> first = sections().entrySet().iterator().next();
        assertEquals("## [Unreleased]", first.getKey());
        assertTrue(first.getValue().contains("Upgrade notes"), "Unreleased says what an operator must do, or that"
                + " nothing is to be done, under ### Upgrade notes");
    }

    @Test
    void releasesAreSemanticVersionsNewestFirstWithKnownKindsOfChange() throws IOException {
        int[] newer = null;
        LocalDate newerDate = null;
        for (Map.Entry<String, List<String>> section : sections().entrySet()) {
            for (String kind : section.getValue()) {
                assertTrue(KINDS.contains(kind), section.getKey() + " has a subsection Keep a Changelog does not know: "
                        + kind + " (one of " + KINDS + ")");
            }
            if (section.getKey().equals("## [Unreleased]")) {
                continue;
            }
            Matcher release = RELEASE.matcher(section.getKey());
            assertTrue(release.matches(), "a release heading is '## [MAJOR.MINOR.PATCH] - YYYY-MM-DD': " + section
                    .getKey());
            int[] version = semver(release.group(1) + "." + release.group(2) + "." + release.group(3));
            LocalDate date = LocalDate.parse(release.group(4));
            if (newer != null) {
                assertTrue(SEMVER.compare(newer, version) > 0, section.getKey() + " is listed after a newer version");
                assertFalse(date.isAfter(newerDate), section.getKey() + " is dated after a newer version");
            }
            newer = version;
            newerDate = date;
        }
    }

    @Test
    void theBuildIsTheNextReleaseOrTheLatestOne() throws IOException {
        String version = System.getProperty("project.version");
        String latest = sections().keySet().stream().map(RELEASE::matcher).filter(Matcher::matches).findFirst().map(
                m -> m.group(1) + "." + m.group(2) + "." + m.group(3)).orElseThrow();
        if (version.endsWith("-SNAPSHOT")) {
            assertTrue(SEMVER.compare(semver(version.replace("-SNAPSHOT", "")), semver(latest)) > 0, "the build's"
                    + " version " + version + " must come after the latest release in CHANGELOG.md, " + latest);
        } else {
            assertEquals(latest, version, "a release build's version is the newest release in CHANGELOG.md");
        }
    }

    @Test
    void theOverlaysDeployTheImageThisCheckoutBuilds() throws IOException {
        String version = System.getProperty("project.version");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(ROOT.resolve("k8s/overlays"))) {
            kustomizations = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).sorted()
                    .toList();
        }
        int tags = 0;
        for (Path file : kustomizations) {
            for (JsonNode image : yaml.readTree(file.toFile()).path("images")) {
                String tag = image.path("newTag").asText().replaceFirst("@sha256:.*", "");
                assertEquals(version, tag, ROOT.relativize(file) + " deploys " + image.path("name").asText() + ":"
                        + tag);
                tags++;
            }
        }
        assertTrue(tags >= 7, "the prod, dev and sites overlays set image tags; found " + tags);
    }
}
