package dev.atlmcp.testing;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * Packages in layers, lowest first: a class may use classes of its own layer and of layers below, never above, so
 * packages import each other in one direction only and no cycle can form. Every package under the checked roots must be
 * placed in a layer, so a new package is placed on purpose.
 */
public final class PackageLayers {

    private PackageLayers() {
    }

    /**
     * Fails with the offending dependencies when a class depends on a higher layer or a package is in no layer.
     *
     * @param roots
     *            the packages whose main classes are checked, e.g. {@code dev.atlmcp.jira}
     * @param layers
     *            the packages of each layer, lowest first; a name ending in {@code ..} takes sub-packages
     */
    public static void check(List<String> roots, List<String> layers) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/generated-classes/"))
                .importPackages(roots);
        if (classes.isEmpty()) {
            throw new AssertionError("No classes found under " + roots);
        }
        Set<String> unplaced = classes.stream().filter(c -> !c.getSimpleName().isEmpty())
                .map(JavaClass::getPackageName).filter(p -> layers.stream().noneMatch(l -> in(p, l)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unplaced.isEmpty()) {
            throw new AssertionError("Packages in no layer: " + unplaced + "; add each to the layers in its place");
        }
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : layers) {
            architecture = architecture.layer(layer).definedBy(layer);
        }
        for (int i = 0; i < layers.size() - 1; i++) {
            List<String> above = new ArrayList<>(layers.subList(i + 1, layers.size()));
            architecture = architecture.whereLayer(layers.get(i)).mayOnlyBeAccessedByLayers(above.toArray(
                    String[]::new));
        }
        architecture = architecture.whereLayer(layers.get(layers.size() - 1)).mayNotBeAccessedByAnyLayer();
        architecture.check(classes);
    }

    private static boolean in(String pkg, String layer) {
        return layer.endsWith("..") ? pkg.equals(layer.substring(0, layer.length() - 2))
                || pkg.startsWith(layer.substring(0, layer.length() - 1)) : pkg.equals(layer);
    }
}
