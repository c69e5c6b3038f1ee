package dev.atlmcp.platform.atlassian;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST client method that sends a body but only reads (a JQL search, a GraphQL query): it is retried like a
 * GET. Every other non-GET method is a write.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadRequest {
}
