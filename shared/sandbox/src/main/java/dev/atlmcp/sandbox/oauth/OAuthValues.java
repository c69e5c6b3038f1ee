package dev.atlmcp.sandbox.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Response;

/** Values the sandbox's authorization servers make and check: random codes and tokens, PKCE S256, query values. */
public final class OAuthValues {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OAuthValues() {
    }

    /** A prefix and 24 random bytes, base64url. */
    public static String random(String prefix) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The PKCE S256 challenge of a verifier (RFC 7636). */
    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The browser's way back from a consent page: the redirect URI with {@code query} and the request's state. */
    static Response back(Map<String, String> params, String query) {
        String redirect = params.get("redirect_uri");
        String state = params.containsKey("state") ? "&state=" + encode(params.get("state")) : "";
        return HtmlPage.redirect(redirect + (redirect.contains("?") ? "&" : "?") + query + state);
    }

    /** The first value of each query parameter. */
    static Map<String, String> single(Map<String, List<String>> query) {
        Map<String, String> values = new LinkedHashMap<>();
        query.forEach((k, v) -> values.put(k, v.get(0)));
        return values;
    }

    /** An OAuth error answer (RFC 6749, 5.2). */
    static ApiException error(int status, String error, String description) {
        return new ApiException(Response.json(status, Json.object().put("error", error).put("error_description",
                description)));
    }
}
