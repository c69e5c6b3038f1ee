package dev.atlmcp.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The product API requests the sandbox answered, the newest {@value #SIZE}, for tests to read. */
final class RequestLog {

    static final int SIZE = 2000;

    private final Deque<Sandbox.LoggedRequest> entries = new ArrayDeque<>();

    synchronized void add(Sandbox.LoggedRequest entry) {
        if (entries.size() >= SIZE) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    synchronized List<Sandbox.LoggedRequest> entries() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
