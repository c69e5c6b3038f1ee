package dev.atlmcp.platform.toolcall;

import dev.atlmcp.platform.writes.UserConfirmation;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.mcp.server.Elicitation;

/** Hands a write tool's {@link Elicitation} parameter to {@link UserConfirmation} for the write gate. */
@ToolCalls
@Interceptor
@Priority(ToolCallOrder.ELICITATION)
public class ElicitationInterceptor {

    @Inject
    UserConfirmation confirmation;

    @AroundInvoke
    Object capture(InvocationContext context) throws Exception {
        for (Object parameter : context.getParameters()) {
            if (parameter instanceof Elicitation elicitation) {
                confirmation.offer(elicitation);
            }
        }
        return context.proceed();
    }
}
