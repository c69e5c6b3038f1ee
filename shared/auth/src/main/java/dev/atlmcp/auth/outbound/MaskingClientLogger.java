package dev.atlmcp.auth.outbound;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.Dependent;

import io.quarkus.arc.Unremovable;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientLogger;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * Logs Atlassian requests and responses when an operator turns on {@code quarkus.rest-client.logging.scope}, like the
 * default logger but with credentials and cookies masked, so enabling it never writes a secret to the log.
 */
@Dependent
@Unremovable
public class MaskingClientLogger implements ClientLogger {

    private static final Logger LOG = Logger.getLogger(MaskingClientLogger.class);
    private static final Set<String> MASKED = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
            OutboundCredentials.USER_TOKEN_HEADER.toLowerCase(java.util.Locale.ROOT));

    private int bodySize;

    @Override
    public void setBodySize(int bodySize) {
        this.bodySize = bodySize;
    }

    @Override
    public void logRequest(HttpClientRequest request, Buffer body, boolean omitBody) {
        LOG.infof("Request: %s %s Headers[%s], Body: %s", request.getMethod(), request.absoluteURI(), headers(request
                .headers()), omitBody ? "omitted" : body(body));
    }

    @Override
    public void logResponse(HttpClientResponse response, boolean redirect) {
        response.bodyHandler(body -> LOG.infof("%s: %s %s, Status[%d %s], Headers[%s], Body: %s", redirect
                ? "Redirect" : "Response", response.request().getMethod(), response.request().absoluteURI(),
                response
                        .statusCode(),
                response.statusMessage(), headers(response.headers()), body(body)));
    }

    static String headers(MultiMap headers) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> header : headers) {
            text.append(text.isEmpty() ? "" : " ").append(header.getKey()).append('=').append(MASKED.contains(header
                    .getKey().toLowerCase(java.util.Locale.ROOT)) ? "***" : header.getValue());
        }
        return text.toString();
    }

    private String body(Buffer body) {
        if (body == null || body.length() == 0) {
            return "(empty)";
        }
        String text = body.toString();
        return bodySize > 0 && text.length() > bodySize ? text.substring(0, bodySize) + "..." : text;
    }
}
