package dev.atlmcp.sandbox;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each client connection sat unused between answers, keyed by the client's address and port (unique while the
 * connection is open). Bounded: the oldest connections are forgotten first.
 */
final class KeptAliveConnections {

    private static final int TRACKED = 4096;

    private final Map<InetSocketAddress, Long> lastAnswered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Long> eldest) {
            return size() > TRACKED;
        }
    };

    /** Milliseconds since this connection's last answer; 0 for a connection not seen before. */
    synchronized long idleMillis(InetSocketAddress client) {
        Long last = lastAnswered.get(client);
        return last == null ? 0 : (System.nanoTime() - last) / 1_000_000;
    }

    synchronized void answered(InetSocketAddress client) {
        lastAnswered.put(client, System.nanoTime());
    }

    synchronized void closed(InetSocketAddress client) {
        lastAnswered.remove(client);
    }
}
