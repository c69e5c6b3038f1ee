package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;

import dev.atlmcp.platform.policy.ScopePolicy;
import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.ComponentDto;

/**
 * A component's dependencies (what it depends on, downstream) or dependents (what depends on it, upstream), level by
 * level to a depth, each level's lookups in parallel. It stops at the depth, at a node cap (the policy's result cap),
 * and never follows a cycle: a component met again is shown, marked, but not expanded twice.
 */
@ApplicationScoped
public class DependencyGraph {

    public static final int MAX_DEPTH = 5;
    static final int MAX_NODES = 100;

    /**
     * A component in the tree; {@code cycle} when it is one of its own ancestors, {@code repeated} when it is shown in
     * full where it is nearest the root.
     */
    public record Node(String id, String name, List<Node> children, boolean cycle, boolean repeated) {
    }

    /** A dependency edge: {@code from} depends on {@code to}. */
    public record Edge(String from, String to) {
    }

    public record Graph(ComponentDto root, boolean upstream, int depth, Node tree, List<Edge> edges, int components,
            boolean cut) {
    }

    private final CompassService compass;
    private final CompassCatalog catalog;
    private final ManagedExecutor executor;
    private final ScopePolicy scope;

    DependencyGraph(CompassService compass, CompassCatalog catalog, ManagedExecutor executor, ScopePolicy scope) {
        this.compass = compass;
        this.catalog = catalog;
        this.executor = executor;
        this.scope = scope;
    }

    /**
     * @param direction
     *            downstream (what it depends on) or upstream (what depends on it)
     */
    public Graph dependencies(String component, String direction, int depth) {
        String way = direction == null ? "downstream" : direction.trim().toLowerCase(Locale.ROOT);
        if (!way.equals("downstream") && !way.equals("upstream")) {
            throw new IllegalArgumentException("direction must be downstream (what it depends on) or upstream (what "
                    + "depends on it), got '" + direction + "'");
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ", got " + depth);
        }
        boolean upstream = way.equals("upstream");
        ComponentDto root = compass.component(component);
        int cap = scope.cap(MAX_NODES);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> levels = new LinkedHashMap<>();
        names.put(root.id(), root.name());
        levels.put(root.id(), 0);
        Map<String, List<String>> neighbours = new LinkedHashMap<>();
        List<String> frontier = List.of(root.id());
        boolean cut = false;
        for (int level = 0; level < depth && !frontier.isEmpty(); level++) {
            List<CompletableFuture<List<String[]>>> lookups = new ArrayList<>();
            for (String id : frontier) {
                lookups.add(executor.supplyAsync(() -> neighbours(id, upstream)));
            }
            List<String> next = new ArrayList<>();
            for (int i = 0; i < frontier.size(); i++) {
                List<String> ids = new ArrayList<>();
                for (String[] found : join(lookups.get(i))) {
                    if (!names.containsKey(found[0])) {
                        if (names.size() >= cap) {
                            cut = true;
                            continue;
                        }
                        names.put(found[0], found[1]);
                        levels.put(found[0], level + 1);
                        next.add(found[0]);
                    }
                    ids.add(found[0]);
                }
                neighbours.put(frontier.get(i), ids);
            }
            frontier = next;
        }
        List<Edge> edges = new ArrayList<>();
        neighbours.forEach((from, tos) -> tos.stream().filter(names::containsKey).forEach(to -> edges.add(upstream
                ? new Edge(names.get(to), names.get(from)) : new Edge(names.get(from), names.get(to)))));
        Node tree = tree(root.id(), 0, names, levels, neighbours, new HashSet<>(), new HashSet<>());
        return new Graph(root, upstream, depth, tree, edges, names.size() - 1, cut);
    }

    /** Each component is expanded once, at the level it was found (nearest the root); elsewhere it is marked. */
    private Node tree(String id, int level, Map<String, String> names, Map<String, Integer> levels,
            Map<String, List<String>> neighbours, Set<String> path, Set<String> expanded) {
        path.add(id);
        expanded.add(id);
        List<Node> children = new ArrayList<>();
        for (String child : neighbours.getOrDefault(id, List.of())) {
            if (!names.containsKey(child)) {
                continue;
            }
            if (path.contains(child)) {
                children.add(new Node(child, names.get(child), List.of(), true, false));
            } else if (expanded.contains(child) || levels.get(child) != level + 1) {
                children.add(new Node(child, names.get(child), List.of(), false, true));
            } else {
                children.add(tree(child, level + 1, names, levels, neighbours, path, expanded));
            }
        }
        path.remove(id);
        return new Node(id, names.get(id), children, false, false);
    }

    /** The components on the other end of {@code id}'s DEPENDS_ON relationships, as {id, name}. */
    private List<String[]> neighbours(String id, boolean upstream) {
        return catalog.allRelationships(id, upstream, "DEPENDS_ON").stream().map(r -> new String[] { r.id(), r
                .name() }).toList();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
