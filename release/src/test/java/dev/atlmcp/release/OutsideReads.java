package dev.atlmcp.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the places in the repository's sources, POMs, scripts and manifests that name a path outside the repository: a
 * relative path whose {@code ..} segments climb above the repository's root, resolved the way the file's reader
 * resolves it (Java from its Maven module's folder, the folder tests run in; a POM, YAML or JSON file from its own
 * folder; a script from the repository's root, where the README runs it, or from its own folder where it says
 * {@code $(dirname "$0")}), or an absolute path into the folder that holds the repository. A user's clone has nothing
 * beside it, so such a read works only on a machine that happens to have it.
 */
final class OutsideReads {

    /** One place that reads outside the repository. */
    record Finding(Path file, int line, String path, String text) {
        @Override
        public String toString() {
            return file + ":" + line + " reads " + path + ", outside the repository: " + text.strip();
        }
    }

    private static final Set<String> SOURCE_ENDINGS = Set.of(".java", ".kt", ".groovy", ".properties");
    private static final Set<String> OWN_FOLDER_ENDINGS = Set.of(".xml", ".yaml", ".yml", ".json", ".config");
    private static final Set<String> SCRIPT_ENDINGS = Set.of(".sh", ".bash", ".mjs", ".cjs", ".js", ".ts", ".py");
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".idea", ".vscode");

    /** A run of characters a path can be written with, including Maven and shell variables. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.${}\\-/]+");
    /** Java's ways of joining path parts: {@code Path.of("..", "x")}, {@code "../" + "x"}, {@code .resolve("..")}. */
    private static final Pattern JOINED = Pattern.compile("\"\\s*,\\s*\"|\"\\s*\\)\\s*\\.resolve\\(\\s*\"");
    private static final Pattern CONCATENATED = Pattern.compile("\"\\s*\\+\\s*\"");
    private static final Pattern OWN_FOLDER_PREFIX = Pattern.compile(
            "(dirname\\s+\"?\\$\\{?(0|BASH_SOURCE(\\[0])?)}?\"?\\s*\\)\"?|__dirname\\s*[,+]?\\s*['\"`]?|import\\.meta\\.url.*)$");

    private final Path root;
    private final String outerFolder;

    OutsideReads(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path parent = this.root.getParent();
        this.outerFolder = parent == null || parent.getParent() == null ? null : parent + "/";
    }

    /** Every finding in the repository's files, in file order. */
    List<Finding> scan() {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(this::notSkipped).filter(this::isChecked).sorted().forEach(
                    file -> findings.addAll(scan(file, read(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    /** The findings in one file of the repository, given its text. */
    List<Finding> scan(Path file, String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (outerFolder != null && line.contains(outerFolder)) {
                findings.add(new Finding(root.relativize(file), i + 1, outerFolder, line));
            }
            String joined = CONCATENATED.matcher(JOINED.matcher(line).replaceAll("/")).replaceAll("");
            Matcher token = TOKEN.matcher(joined);
            while (token.find()) {
                String path = token.group();
                Path resolved = resolve(file, path, joined, token.start());
                if (resolved != null && !resolved.startsWith(root)) {
                    findings.add(new Finding(root.relativize(file), i + 1, path, line));
                }
            }
        }
        return findings;
    }

    /**
     * Where a relative path in a file leads, or null when it is not a relative path that climbs. The text before it on
     * its line is cut only for a path that climbs: cutting it for every token made long one-line files (the vendored
     * API descriptions) take time in the square of their length.
     */
    private Path resolve(Path file, String path, String line, int at) {
        if (!List.of(path.split("/")).contains("..")) {
            return null;
        }
        String before = line.substring(0, at);
        Path base;
        if (path.startsWith("${project.basedir}/") || path.startsWith("${basedir}/")) {
            base = file.getParent();
            path = path.substring(path.indexOf('/') + 1);
        } else if (path.startsWith("${maven.multiModuleProjectDirectory}/")) {
            base = root;
            path = path.substring(path.indexOf('/') + 1);
        } else if (path.startsWith("/") && OWN_FOLDER_PREFIX.matcher(before.stripTrailing()).find()) {
            base = file.getParent();
            path = path.substring(1);
        } else if (path.startsWith("/") || path.contains("$")) {
            return null;
        } else {
            base = defaultBase(file);
        }
        Path resolved = base;
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                resolved = resolved.resolve(segment).normalize();
            }
        }
        return resolved;
    }

    private Path defaultBase(Path file) {
        String name = file.getFileName().toString();
        if (SOURCE_ENDINGS.stream().anyMatch(name::endsWith)) {
            for (Path folder = file.getParent(); folder.startsWith(root); folder = folder.getParent()) {
                if (Files.exists(folder.resolve("pom.xml"))) {
                    return folder;
                }
            }
            return root;
        }
        if (OWN_FOLDER_ENDINGS.stream().anyMatch(name::endsWith)) {
            return file.getParent();
        }
        return root;
    }

    private boolean notSkipped(Path file) {
        for (Path part : root.relativize(file)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        return !file.getFileName().toString().equals("package-lock.json");
    }

    private boolean isChecked(Path file) {
        String name = file.getFileName().toString();
        if (Stream.of(SOURCE_ENDINGS, OWN_FOLDER_ENDINGS, SCRIPT_ENDINGS).flatMap(Set::stream).anyMatch(
                name::endsWith)) {
            return true;
        }
        return !name.contains(".") && read(file).startsWith("#!");
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
