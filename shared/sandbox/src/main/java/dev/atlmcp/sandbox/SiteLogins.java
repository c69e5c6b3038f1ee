package dev.atlmcp.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import dev.atlmcp.sandbox.http.Request;

/**
 * Who a request to each kind of site authenticates as, from its {@code Authorization} header, as the real site reads
 * it.
 */
final class SiteLogins {

    private SiteLogins() {
    }

    /** Cloud: Basic {@code email:apiToken}. */
    static Optional<SandboxUser> cloud(Request request) {
        return basic(request).flatMap(pair -> Directory.byApiToken(pair[0], pair[1]));
    }

    /**
     * API gateway ({@code api.atlassian.com}): Basic {@code email:scopedToken}, or a Bearer OAuth access token (one the
     * sandbox's authorization server issued, or a seeded person's fixed one).
     */
    static Optional<SandboxUser> gateway(Request request, Function<String, Optional<SandboxUser>> issued) {
        Optional<String> header = request.header("Authorization");
        if (header.isPresent() && header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.get().substring(7).trim();
            return issued.apply(token).or(() -> Directory.byOauthToken(token));
        }
        return basic(request).flatMap(pair -> Directory.byScopedToken(pair[0], pair[1]));
    }

    /**
     * Data Center: Bearer personal access token or OAuth access token (one the product's OAuth 2.0 provider issued), or
     * Basic {@code username:password}.
     */
    static Optional<SandboxUser> dataCenter(Request request, Function<String, Optional<SandboxUser>> issued) {
        Optional<String> header = request.header("Authorization");
        if (header.isPresent() && header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.get().substring(7).trim();
            return Directory.byPat(token).or(() -> issued.apply(token));
        }
        return basic(request).flatMap(pair -> Directory.byPassword(pair[0], pair[1]));
    }

    private static Optional<String[]> basic(Request request) {
        return request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6)).map(h -> {
            try {
                return new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }).filter(s -> s.contains(":")).map(s -> s.split(":", 2));
    }
}
