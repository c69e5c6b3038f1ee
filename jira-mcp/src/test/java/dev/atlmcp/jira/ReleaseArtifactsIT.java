package dev.atlmcp.jira;

import org.junit.jupiter.api.Test;

import dev.atlmcp.testing.ReleaseArtifacts;

/** The packaged jira-mcp ships with a bill of materials and a licence report (see ReleaseArtifacts). */
class ReleaseArtifactsIT {

    @Test
    void theBillOfMaterialsAndLicenceReportCoverWhatTheServerShips() {
        ReleaseArtifacts.assertShipped("jira-mcp");
    }
}
