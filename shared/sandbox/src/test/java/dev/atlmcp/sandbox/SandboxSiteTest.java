package dev.atlmcp.sandbox;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One sandbox per test class, reached over HTTP like an Atlassian client reaches a site. */
abstract class SandboxSiteTest {

    static Sandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of("http://localhost/mcp")));
        http = new SandboxHttp(sandbox.url());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The service account's Cloud credentials. */
    static String bot() {
        return SandboxHttp.basic(Directory.BOT.email(), Directory.BOT.apiToken());
    }
}
