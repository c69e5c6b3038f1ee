package dev.atlmcp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.vertx.core.json.JsonObject;

/** The audit events a server writes while a test runs, read from the audit log category as JSON. */
public final class AuditEvents implements AutoCloseable {

    private final Logger logger = Logger.getLogger("atlmcp.audit");
    private final List<JsonObject> events = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (events) {
                events.add(new JsonObject(record.getMessage()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private AuditEvents() {
        logger.addHandler(handler);
    }

    public static AuditEvents capture() {
        return new AuditEvents();
    }

    /** The events for {@code tool} so far, oldest first. */
    public List<JsonObject> of(String tool) {
        synchronized (events) {
            return events.stream().filter(e -> tool.equals(e.getString("tool"))).toList();
        }
    }

    /** Every event so far, oldest first. */
    public List<JsonObject> all() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The only event for {@code tool}; fails if there is not exactly one. */
    public JsonObject single(String tool) {
        List<JsonObject> found = of(tool);
        if (found.size() != 1) {
            throw new AssertionError("expected one audit event for " + tool + ", got " + found);
        }
        return found.get(0);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
