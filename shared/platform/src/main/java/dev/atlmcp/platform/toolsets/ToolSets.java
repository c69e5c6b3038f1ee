package dev.atlmcp.platform.toolsets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Provider;

import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.ToolManager;

import dev.atlmcp.auth.config.ConfigCheck;
import dev.atlmcp.auth.inbound.InboundPolicy;
import dev.atlmcp.platform.config.PlatformConfig;

/**
 * Which tool sets this server offers: those the administrator enables ({@code MCP_TOOLSETS}, or the server's defaults),
 * narrowed per request by the sets a client asks for; a client never gets a set the administrator did not enable. At
 * start-up it refuses unknown set names, a tool in no set or in two, and an allow-list naming a tool no enabled set
 * offers.
 */
@Singleton
public class ToolSets implements ConfigCheck {

    /** Every set, in {@code MCP_TOOLSETS} and in {@code ?toolsets=}. */
    public static final String ALL = "all";
    static final String PROPERTY = "mcp.toolsets";

    private final ToolSetCatalog catalog;
    private final Supplier<Set<String>> toolNames;
    private final Optional<List<String>> configured;
    private final Optional<List<String>> allowTools;
    private final Map<String, String> setOfTool = new HashMap<>();
    private final Set<String> enabled;

    /** The tool manager is looked up when the check runs: it depends on the tool filter, which depends on this. */
    @Inject
    ToolSets(ToolSetCatalog catalog, Provider<ToolManager> tools, PlatformConfig config) {
        this(catalog, () -> {
            Set<String> names = new HashSet<>();
            tools.get().forEach(tool -> names.add(tool.name()));
            return names;
        }, config.toolsets(), config.policy().allowTools());
    }

    ToolSets(ToolSetCatalog catalog, Supplier<Set<String>> toolNames, Optional<List<String>> configured,
            Optional<List<String>> allowTools) {
        this.catalog = catalog;
        this.toolNames = toolNames;
        this.configured = configured;
        this.allowTools = allowTools;
        catalog.sets().forEach((set, names) -> names.forEach(tool -> setOfTool.putIfAbsent(tool, set)));
        this.enabled = configured.map(names -> known(names).orElse(Set.of())).orElse(new LinkedHashSet<>(catalog
                .defaults()));
    }

    /** Every set's name, in the catalog's order. */
    public Collection<String> names() {
        return catalog.sets().keySet();
    }

    /** The sets the administrator enabled. */
    public Set<String> enabled() {
        return enabled;
    }

    /**
     * The sets named, {@code all} for every one; empty if a name is unknown. Names are compared without regard to case.
     */
    public Optional<Set<String>> known(Collection<String> names) {
        Set<String> sets = new LinkedHashSet<>();
        for (String name : names) {
            String set = name.trim().toLowerCase(Locale.ROOT);
            if (set.equals(ALL)) {
                sets.addAll(catalog.sets().keySet());
            } else if (catalog.sets().containsKey(set)) {
                sets.add(set);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(sets);
    }

    /**
     * Whether a tool is offered to a request that asked for {@code requested} sets (null: no narrowing): its set is
     * enabled and, when the client asked for sets, among them. A tool in no set is never offered.
     */
    public boolean offers(String tool, Set<String> requested) {
        String set = setOfTool.get(tool);
        return set != null && enabled.contains(set) && (requested == null || requested.contains(set));
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        configured.ifPresent(names -> {
            if (known(names).isEmpty()) {
                problems.add(ConfigCheck.problem(PROPERTY, "names a tool set this server does not have: "
                        + String.join(",", names) + "; its sets are " + String.join(", ", names()) + " (or "
                        + ALL + ")"));
            }
        });
        Map<String, List<String>> sets = new HashMap<>();
        catalog.sets().forEach((set, names) -> names.forEach(tool -> sets.computeIfAbsent(tool, t -> new ArrayList<>())
                .add(set)));
        Set<String> existing = toolNames.get();
        existing.stream().sorted().forEach(tool -> {
            List<String> in = sets.getOrDefault(tool, List.of());
            if (!tool.endsWith(InboundPolicy.DISCONNECT_TOOL_SUFFIX) && in.size() != 1) {
                problems.add("Tool " + tool + " must be in exactly one tool set, is in " + (in.isEmpty() ? "none"
                        : String.join(", ", in)) + ".");
            }
        });
        setOfTool.keySet().stream().filter(tool -> !existing.contains(tool)).sorted().forEach(tool -> problems.add(
                "Tool set " + setOfTool.get(tool) + " names " + tool + ", which this server does not have."));
        allowTools.ifPresent(allowed -> allowed.stream().filter(tool -> setOfTool.containsKey(tool) && !enabled
                .contains(setOfTool.get(tool))).forEach(tool -> problems.add(ConfigCheck.problem(
                        "mcp.policy.allow-tools", "allows " + tool + ", but its tool set " + setOfTool.get(tool)
                                + " is not enabled; add it to " + PROPERTY + " (MCP_TOOLSETS, now "
                                + String.join(",", enabled) + ")"))));
        return problems;
    }
}
