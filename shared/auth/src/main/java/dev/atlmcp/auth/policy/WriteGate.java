package dev.atlmcp.auth.policy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.auth.errors.ToolRefusal;
import dev.atlmcp.auth.errors.WriteHeld;
import dev.atlmcp.auth.identity.IdentityMapper;

/**
 * The last check before a write is sent. A dry run answers with the exact request instead of sending it. A tool that
 * needs confirmation ({@code MCP_CONFIRM_TOOLS}) asks the user through their client when it supports MCP elicitation;
 * otherwise (or without an answer in time) it first answers with a preview and a confirmation token: an HMAC over the
 * tool, the caller, the exact request and the item's current version, valid for {@code MCP_CONFIRM_TTL}. The token is
 * stateless, so any replica accepts it; once the change is applied the item's version moves on, so the same token
 * cannot be replayed.
 */
@ApplicationScoped
public class WriteGate {

    /**
     * The write about to be sent: what it does in words, the request itself, and what changes on the item once it is
     * applied (asked only when a confirmation token is made or checked).
     */
    public record Write(String tool, String summary, String method, String path, JsonNode body,
            Supplier<String> itemVersion) {
    }

    private static final Logger LOG = Logger.getLogger(WriteGate.class);

    private final ServerConfig.Confirm confirm;
    private final IdentityMapper identity;
    private final ObjectMapper json;
    private final byte[] secret;
    private final Clock clock;
    private final UserConfirmation user;

    WriteGate(ServerConfig server, IdentityMapper identity, ObjectMapper json, UserConfirmation user) {
        this.user = user;
        this.confirm = server.confirm();
        this.identity = identity;
        this.json = json;
        this.clock = Clock.systemUTC();
        this.secret = server.confirm().secret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            if (!server.confirm().tools().orElse(List.of()).isEmpty()) {
                LOG.warn("MCP_CONFIRM_SECRET is not set: confirmation tokens are valid only on this replica until it "
                        + "restarts. Set the same secret on every replica.");
            }
            return random;
        });
    }

    /** Returns if the write may be sent now; otherwise throws {@link WriteHeld} or {@link ToolRefusal}. */
    public void approve(Write write, boolean dryRun, String confirmationToken) {
        if (dryRun) {
            throw new WriteHeld("Dry run: nothing was sent. This call would " + write.summary() + " with:\n"
                    + write.method() + " " + write.path() + "\n" + (write.body() == null ? "" : write.body()
                            .toPrettyString()));
        }
        if (!needsConfirmation(write.tool())) {
            return;
        }
        String fingerprint = fingerprint(write);
        if (confirmationToken == null || confirmationToken.isBlank()) {
            Optional<Boolean> answer = user.ask("Allow the agent to " + write.summary() + "?", confirm.waitForUser());
            if (answer.isPresent()) {
                if (answer.get()) {
                    return;
                }
                throw new ToolRefusal("Not sent: the user did not confirm that the agent may " + write.summary()
                        + ".");
            }
            Instant expires = clock.instant().plus(confirm.ttl());
            throw new WriteHeld("Confirmation needed: nothing was sent yet. This call would " + write.summary()
                    + ".\nShow this to the user. If they agree, call " + write.tool() + " again with the same "
                    + "arguments and confirmation_token=\"" + token(write.tool(), fingerprint, expires) + "\" before "
                    + expires + ".");
        }
        verify(confirmationToken.trim(), write.tool(), fingerprint);
    }

    private boolean needsConfirmation(String tool) {
        List<String> tools = confirm.tools().orElse(List.of());
        return tools.contains("*") || tools.contains(tool);
    }

    private String fingerprint(Write write) {
        String input = write.tool() + "\n" + identity.caller().subject() + "\n" + write.itemVersion().get() + "\n"
                + write.method() + " " + write.path() + "\n" + (write.body() == null ? "" : write.body().toString());
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(
                    input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(String tool, String fingerprint, Instant expires) {
        ObjectNode payload = json.createObjectNode().put("tool", tool).put("change", fingerprint).put("exp", expires
                .getEpochSecond());
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toString().getBytes(
                StandardCharsets.UTF_8));
        return encoded + "." + sign(encoded);
    }

    private void verify(String token, String tool, String fingerprint) {
        int dot = token.indexOf('.');
        JsonNode payload = null;
        if (dot > 0 && MessageDigest.isEqual(sign(token.substring(0, dot)).getBytes(StandardCharsets.US_ASCII), token
                .substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            try {
                payload = json.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            } catch (Exception e) {
                payload = null;
            }
        }
        if (payload == null) {
            throw new ToolRefusal("This confirmation token is not valid: it was altered or not issued by this "
                    + "server. Nothing was sent. Call " + tool + " without confirmation_token for a new preview.");
        }
        if (payload.path("exp").asLong() < clock.instant().getEpochSecond()) {
            throw new ToolRefusal("This confirmation token expired at " + Instant.ofEpochSecond(payload.path("exp")
                    .asLong()) + ". Nothing was sent. Call " + tool + " without confirmation_token for a new preview.");
        }
        if (!tool.equals(payload.path("tool").asText()) || !fingerprint.equals(payload.path("change").asText())) {
            throw new ToolRefusal("This confirmation token is for a different change, or was already used: the "
                    + "arguments, the caller or the item changed since the preview. Nothing was sent. Call " + tool
                    + " without confirmation_token for a new preview.");
        }
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(
                    StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
