package dev.atlmcp.testing;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The shared modules' packages, lowest first: auth knows nothing of the platform, and inside each module a package uses
 * only those below it. The tool-call pipeline ({@code toolcall}) sits on top of everything it orders.
 */
class SharedModuleLayersTest {

    static final List<String> LAYERS = List.of(
            "dev.atlmcp.adf",
            "dev.atlmcp.auth.config",
            "dev.atlmcp.auth.inbound",
            "dev.atlmcp.auth.delegated",
            "dev.atlmcp.auth.outbound",
            "dev.atlmcp.auth.identity",
            "dev.atlmcp.platform.config",
            "dev.atlmcp.platform.errors",
            "dev.atlmcp.platform.content",
            "dev.atlmcp.platform.signing",
            "dev.atlmcp.platform.observability",
            "dev.atlmcp.platform.audit",
            "dev.atlmcp.platform.atlassian",
            "dev.atlmcp.platform.changes",
            "dev.atlmcp.platform.toolsets",
            "dev.atlmcp.platform.policy",
            "dev.atlmcp.platform.writes",
            "dev.atlmcp.platform.args",
            "dev.atlmcp.platform.manifest",
            "dev.atlmcp.platform.toolcall",
            "dev.atlmcp.platform.startup");

    @Test
    void packagesDependOnlyOnLowerLayers() {
        PackageLayers.check(List.of("dev.atlmcp.adf", "dev.atlmcp.auth", "dev.atlmcp.platform"), LAYERS);
    }
}
