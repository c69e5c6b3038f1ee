package dev.atlmcp.jira;

import org.junit.jupiter.api.Test;

import dev.atlmcp.testing.KubernetesManifests;

/** k8s/jira-mcp/kubernetes.yml is what this build's quarkus-kubernetes generates (see KubernetesManifests). */
class KubernetesManifestIT {

    @Test
    void theCommittedManifestIsTheGeneratedOne() {
        KubernetesManifests.assertInSync("jira-mcp");
    }
}
