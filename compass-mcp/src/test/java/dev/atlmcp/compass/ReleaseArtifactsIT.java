package dev.atlmcp.compass;

import org.junit.jupiter.api.Test;

import dev.atlmcp.testing.ReleaseArtifacts;

/** The packaged compass-mcp ships with a bill of materials and a licence report (see ReleaseArtifacts). */
class ReleaseArtifactsIT {

    @Test
    void theBillOfMaterialsAndLicenceReportCoverWhatTheServerShips() {
        ReleaseArtifacts.assertShipped("compass-mcp");
    }
}
