package dev.atlmcp.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * A test class's {@link DelegatedReplicas}: started once before its tests, reset (no grants, the sandbox as seeded)
 * before each, stopped after them. Register it with {@code @RegisterExtension static final}.
 */
public final class DelegatedServers implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final ThrowingSupplier<DelegatedReplicas> starter;
    private DelegatedReplicas replicas;

    private DelegatedServers(ThrowingSupplier<DelegatedReplicas> starter) {
        this.starter = starter;
    }

    /** {@code server} (e.g. {@code confluence-mcp}) on the sandbox's Cloud site. */
    public static DelegatedServers cloud(String server) {
        return new DelegatedServers(() -> DelegatedReplicas.start(server));
    }

    /** {@code server} on the sandbox's Data Center site at {@code contextPath}. */
    public static DelegatedServers dataCenter(String server, String contextPath) {
        return new DelegatedServers(() -> DelegatedReplicas.startDataCenter(server, contextPath));
    }

    public DelegatedReplicas get() {
        return replicas;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try {
            replicas = starter.get();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        replicas.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (replicas != null) {
            replicas.close();
        }
    }
}
