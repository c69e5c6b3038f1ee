package dev.atlmcp.compass;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import dev.atlmcp.sandbox.SandboxTestResource;

/** Every test in this module runs against one sandbox and one test identity provider. */
@QuarkusTestResource(SandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
