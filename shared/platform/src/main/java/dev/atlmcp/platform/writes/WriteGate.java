package dev.atlmcp.platform.writes;

import dev.atlmcp.platform.policy.OutboundLinks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.config.PlatformConfig;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.errors.WriteHeld;
import dev.atlmcp.auth.identity.IdentityMapper;
import dev.atlmcp.platform.signing.KeyRing;

/**
 * The last check before a write is sent, reached only through the {@link WritePipeline}. A dry run answers with the
 * exact request instead of sending it. A tool that needs confirmation ({@code MCP_CONFIRM_TOOLS}) asks the user through
 * their client when it supports MCP elicitation; otherwise (or without an answer in time) it first answers with a
 * preview and a confirmation token: signed with the key ring over the tool, the caller, the exact request and the
 * item's current version, valid for {@code MCP_CONFIRM_TTL}, and good for one write only ({@link UsedConfirmations}).
 */
@ApplicationScoped
public class WriteGate {

    /**
     * The write about to be sent: what it does in words, the request itself, and what changes on the item once it is
     * applied (asked only when a confirmation token is made or checked).
     */
    /**
     * A write as previewed and confirmed; {@code external} when it reaches people who could not read the content before
     * (a reply a service-desk customer is sent, a page moved or copied to another space), which needs confirmation
     * unless {@code MCP_CONFIRM_EXTERNAL} is off.
     */
    public record Write(String tool, String summary, String method, String path, JsonNode body,
            Supplier<String> itemVersion, boolean external) {

        public Write(String tool, String summary, String method, String path, JsonNode body,
                Supplier<String> itemVersion) {
            this(tool, summary, method, path, body, itemVersion, false);
        }
    }

    private static final String PURPOSE = "confirmation";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformConfig.Confirm confirm;
    private final IdentityMapper identity;
    private final ObjectMapper json;
    private final KeyRing keys;
    private final Clock clock;
    private final UserConfirmation user;
    private final UsedConfirmations used;
    private final OutboundLinks links;
    private final WritePermit permit;

    WriteGate(PlatformConfig server, IdentityMapper identity, ObjectMapper json, UserConfirmation user, KeyRing keys,
            UsedConfirmations used, OutboundLinks links, WritePermit permit) {
        this.permit = permit;
        this.links = links;
        this.user = user;
        this.confirm = server.confirm();
        this.identity = identity;
        this.json = json;
        this.keys = keys;
        this.used = used;
        this.clock = Clock.systemUTC();
    }

    /**
     * Returns if the write may be sent now; otherwise throws {@link WriteHeld} or {@link ToolRefusal}.
     *
     * @param pinned
     *            values the server chooses (e.g. a start time of now), fixed by the preview and carried by its token,
     *            see {@link #pinned}
     * @param existing
     *            the content the write replaces, or null: only links to hosts it does not already link to count as new
     *            links out
     */
    void approve(Write asked, Map<String, String> pinned, JsonNode existing, boolean dryRun,
            String confirmationToken) {
        List<String> foreign = confirm.foreignLinks() ? links.foreignHosts(asked.body()) : List.of();
        if (!foreign.isEmpty() && existing != null) {
            List<String> there = links.foreignHosts(existing);
            foreign = foreign.stream().filter(host -> !there.contains(host)).toList();
        }
        Write write = foreign.isEmpty() ? asked : new Write(asked.tool(), asked.summary() + ", with links to "
                + String.join(", ", foreign) + " (outside the hosts agents may link to)", asked.method(), asked.path(),
                asked.body(), asked.itemVersion(), asked.external());
        if (dryRun) {
            throw new WriteHeld("Dry run: nothing was sent. This call would " + write.summary() + " with:\n"
                    + write.method() + " " + write.path() + "\n" + (write.body() == null ? "" : write.body()
                            .toPrettyString()));
        }
        if (!needsConfirmation(write.tool()) && foreign.isEmpty() && !(write.external() && confirm.external())) {
            permit.grant();
            return;
        }
        String fingerprint = fingerprint(write);
        if (confirmationToken == null || confirmationToken.isBlank()) {
            Optional<Boolean> answer = user.ask("Allow the agent to " + write.summary() + "?", confirm.waitForUser());
            if (answer.isPresent()) {
                if (answer.get()) {
                    permit.grant();
                    return;
                }
                throw new ToolRefusal("Not sent: the user did not confirm that the agent may " + write.summary()
                        + ".");
            }
            Instant expires = clock.instant().plus(confirm.ttl());
            throw new WriteHeld("Confirmation needed: nothing was sent yet. This call would " + write.summary()
                    + ".\nShow this to the user. If they agree, call " + write.tool() + " again with the same "
                    + "arguments and confirmation_token=\"" + token(write.tool(), fingerprint, pinned, expires)
                    + "\" before " + expires + ".");
        }
        JsonNode payload = verify(confirmationToken.trim(), write.tool());
        used.refuseIfUsedHere(payload.path("jti").asText(), write.tool());
        if (!fingerprint.equals(payload.path("change").asText())) {
            throw new ToolRefusal("This confirmation token is for a different change: the arguments, the caller or "
                    + "the item changed since the preview. Nothing was sent. Call " + write.tool() + " without "
                    + "confirmation_token for a new preview.");
        }
        permit.grant();
        used.claim(payload.path("jti").asText(), Instant.ofEpochSecond(payload.path("exp").asLong()), write.tool());
    }

    /**
     * The value the preview fixed for {@code name} if {@code confirmationToken} is a valid token for {@code tool};
     * empty without a token. A tool uses it in place of a value it would choose anew (the start time of now).
     */
    Optional<String> pinned(String tool, String confirmationToken, String name) {
        if (confirmationToken == null || confirmationToken.isBlank()) {
            return Optional.empty();
        }
        JsonNode value = verify(confirmationToken.trim(), tool).path("pinned").get(name);
        return value == null ? Optional.empty() : Optional.of(value.asText());
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

    private String token(String tool, String fingerprint, Map<String, String> pinned, Instant expires) {
        byte[] jti = new byte[12];
        RANDOM.nextBytes(jti);
        ObjectNode payload = json.createObjectNode().put("tool", tool).put("change", fingerprint).put("exp", expires
                .getEpochSecond()).put("jti", Base64.getUrlEncoder().withoutPadding().encodeToString(jti));
        if (!pinned.isEmpty()) {
            ObjectNode values = payload.putObject("pinned");
            pinned.forEach(values::put);
        }
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toString().getBytes(
                StandardCharsets.UTF_8));
        return encoded + "." + keys.sign(PURPOSE, encoded);
    }

    /** The payload of a token this server signed for {@code tool} that has not expired; otherwise a refusal. */
    private JsonNode verify(String token, String tool) {
        int dot = token.indexOf('.');
        JsonNode payload = null;
        if (dot > 0
                && keys.verify(PURPOSE, token.substring(0, dot), token.substring(dot + 1)) == KeyRing.Verdict.VALID) {
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
        if (!tool.equals(payload.path("tool").asText())) {
            throw new ToolRefusal("This confirmation token is for " + payload.path("tool").asText() + ", not " + tool
                    + ". Nothing was sent. Call " + tool + " without confirmation_token for a new preview.");
        }
        return payload;
    }
}
