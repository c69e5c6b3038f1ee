package dev.atlmcp.platform.toolcall;

import dev.atlmcp.platform.content.MaskedAnswers;
import dev.atlmcp.platform.content.SecretMasker;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.mcp.server.Content;
import io.quarkiverse.mcp.server.PromptMessage;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolResponse;

import dev.atlmcp.platform.config.PlatformConfig;

/**
 * The last step of every tool result, resource and prompt: masks secret-looking values in all its text, the parts no
 * data fence holds (titles, summaries, names, change lists, previews of writes) and error messages included. Fenced
 * content was masked, and counted, as it was fenced; an answer (a tool's text, a resource's, a prompt's) returned
 * exactly as {@code UntrustedText.finish} made it is not masked a second time ({@link MaskedAnswers}), as that would
 * change nothing and cost a pass over it.
 */
@MaskedOutput
@Interceptor
@Priority(ToolCallOrder.MASKING)
public class OutputMaskingInterceptor {

    @Inject
    PlatformConfig server;

    @AroundInvoke
    Object mask(InvocationContext context) throws Exception {
        if (!server.redaction().maskSecrets()) {
            return context.proceed();
        }
        Object result;
        MaskedAnswers.forget();
        try {
            result = context.proceed();
        } catch (ToolCallException e) {
            String message = SecretMasker.mask(e.getMessage());
            throw message.equals(e.getMessage()) ? e : new ToolCallException(message);
        }
        return masked(result);
    }

    private static Object masked(Object result) {
        if (result instanceof String text) {
            return maskedOnce(text);
        }
        if (result instanceof ToolResponse response) {
            return new ToolResponse(response.isError(), response.content().stream().map(
                    OutputMaskingInterceptor::masked).toList(), response.structuredContent(), response._meta());
        }
        if (result instanceof TextResourceContents contents) {
            return new TextResourceContents(contents.uri(), maskedOnce(contents.text()), contents.mimeType(),
                    contents._meta());
        }
        if (result instanceof PromptMessage message) {
            return new PromptMessage(message.role(), masked(message.content()));
        }
        if (result instanceof List<?> list) {
            return list.stream().map(OutputMaskingInterceptor::masked).toList();
        }
        return result;
    }

    private static String maskedOnce(String text) {
        return MaskedAnswers.alreadyMasked(text) ? text : SecretMasker.mask(text);
    }

    private static Content masked(Content content) {
        return content instanceof TextContent text ? new TextContent(maskedOnce(text.text()), text._meta(), text
                .annotations()) : content;
    }
}
