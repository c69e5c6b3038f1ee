package dev.atlmcp.sandbox;

import java.util.List;
import java.util.Optional;

/** The seeded people, shared by every product the sandbox serves. */
public final class Directory {

    public static final SandboxUser JANE = new SandboxUser("5b10ac8d82e05b22cc7d4ef5", "jdoe", "JIRAUSER10000",
            "Jane Doe", "jane.doe@example.com", "sbx-api-jane-7Qm2", "sbx-pat-jane-Vx81", "jane-pass", "Europe/Berlin");
    public static final SandboxUser BOB = new SandboxUser("5b10a2844c20165700ede21g", "bmartin", "JIRAUSER10001",
            "Bob Martin", "bob.martin@example.com", "sbx-api-bob-K3p9", "sbx-pat-bob-Rt42", "bob-pass",
            "America/New_York");
    public static final SandboxUser PRIYA = new SandboxUser("712020:0a1b2c3d-4e5f-6789-abcd-ef0123456789", "pnair",
            "JIRAUSER10002", "Priya Nair", "priya.nair@example.com", "sbx-api-priya-W8d1", "sbx-pat-priya-Lm07",
            "priya-pass", "Asia/Kolkata");
    public static final SandboxUser BOT = new SandboxUser("712020:5c1e9a77-0d3b-4f2e-9b1a-6a2f00c0ffee", "mcp-bot",
            "JIRAUSER10003", "MCP Service Account", "mcp-bot@example.com", "sbx-api-bot-Zz55", "sbx-pat-bot-Qa19",
            "bot-pass", "UTC");

    private static final List<SandboxUser> ALL = List.of(JANE, BOB, PRIYA, BOT);

    private Directory() {
    }

    public static List<SandboxUser> all() {
        return ALL;
    }

    public static Optional<SandboxUser> byApiToken(String email, String token) {
        return ALL.stream().filter(u -> u.email().equalsIgnoreCase(email) && u.apiToken().equals(token)).findFirst();
    }

    public static Optional<SandboxUser> byScopedToken(String email, String token) {
        return ALL.stream().filter(u -> u.email().equalsIgnoreCase(email) && u.scopedToken().equals(token))
                .findFirst();
    }

    public static Optional<SandboxUser> byOauthToken(String token) {
        return ALL.stream().filter(u -> u.oauthToken().equals(token)).findFirst();
    }

    public static Optional<SandboxUser> byPassword(String username, String password) {
        return ALL.stream().filter(u -> u.username().equals(username) && u.password().equals(password)).findFirst();
    }

    public static Optional<SandboxUser> byPat(String pat) {
        return ALL.stream().filter(u -> u.pat().equals(pat)).findFirst();
    }

    public static Optional<SandboxUser> find(String text) {
        return ALL.stream().filter(u -> u.isKnownAs(text)).findFirst();
    }
}
