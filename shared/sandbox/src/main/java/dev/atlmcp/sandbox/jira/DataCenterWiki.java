package dev.atlmcp.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.adf.AdfToWiki;
import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxUser;

/** Seeded ADF as the wiki markup a Data Center site stores for it, with mentions by username. */
final class DataCenterWiki {

    private DataCenterWiki() {
    }

    static String of(JsonNode adf) {
        return AdfToWiki.render(adf, id -> Directory.find(id).map(SandboxUser::username).orElse(id));
    }
}
