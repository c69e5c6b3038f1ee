package dev.atlmcp.platform.writes;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.jboss.logging.Logger;

import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.ElicitationRequest;
import io.quarkiverse.mcp.server.ElicitationResponse;

/**
 * Asks the user of the current tool call to confirm, through their client (MCP elicitation), when the client supports
 * it. The tool's {@link Elicitation} is handed over by {@link ElicitationInterceptor}.
 */
@RequestScoped
public class UserConfirmation {

    private static final Logger LOG = Logger.getLogger(UserConfirmation.class);
    static final String ANSWER = "confirm";

    private Elicitation elicitation;

    public void offer(Elicitation channel) {
        this.elicitation = channel;
    }

    /**
     * The user's answer: true to go ahead, false if they declined; empty if their client cannot ask or no answer came
     * in time (then the caller falls back to a confirmation token).
     */
    public Optional<Boolean> ask(String message, Duration wait) {
        if (elicitation == null || !elicitation.isSupported()) {
            return Optional.empty();
        }
        try {
            ElicitationResponse response = elicitation.requestBuilder().setMessage(message).addSchemaProperty(ANSWER,
                    new ElicitationRequest.BooleanSchema("Apply this change", "Nothing is sent unless you agree",
                            false, true))
                    .setTimeout(wait).build().sendAndAwait();
            return Optional.of(response.actionAccepted() && response.content() != null && Boolean.TRUE.equals(
                    response.content().getBoolean(ANSWER)));
        } catch (RuntimeException e) {
            LOG.debugf("No answer to the confirmation request (%s); falling back to a confirmation token", e
                    .toString());
            return Optional.empty();
        }
    }
}
