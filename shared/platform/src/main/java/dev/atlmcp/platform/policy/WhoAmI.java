package dev.atlmcp.platform.policy;

import dev.atlmcp.auth.inbound.Caller;
import dev.atlmcp.auth.identity.IdentityMapper;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.platform.config.PlatformConfig;

/** The {@code *_whoami} answer: who signed in, which Atlassian account that is, whose credentials calls use, policy. */
@ApplicationScoped
public class WhoAmI {

    private final IdentityMapper identity;
    private final ServerConfig server;
    private final PlatformConfig platform;
    private final boolean delegated;

    WhoAmI(IdentityMapper identity, ServerConfig server, PlatformConfig platform, AtlassianConfig atlassian) {
        this.delegated = atlassian.isOAuth();
        this.identity = identity;
        this.server = server;
        this.platform = platform;
    }

    public String markdown() {
        String product = server.productName();
        Caller caller = identity.caller();
        IdentityMapper.Mapping mapping = identity.map(caller);
        StringBuilder md = new StringBuilder("# Who you are\n");
        if (caller == Caller.LOCAL) {
            md.append("Signed in: no (this server runs without sign-in for one local user).\n");
        } else {
            md.append("Signed in as ").append(caller.name().orElse(caller.subject())).append(" (subject ")
                    .append(caller.subject()).append(caller.email().map(e -> ", " + e).orElse("")).append(')')
                    .append(caller.clientId().map(c -> " through client " + c).orElse("")).append(".\n");
        }
        md.append(product).append(" account: ").append(mapping.account().map(a -> a + ", found by " + mapping.how())
                .orElse("unknown: " + mapping.how() + ". Tools about your own items cannot tell which are yours."))
                .append('\n');
        md.append(product).append(" calls use ").append(identity.serviceAccount().map(a -> "the service account "
                + a + ", so " + product + " checks its permissions, narrowed by this server's policy")
                .orElse((delegated ? "the Atlassian account you connected" : "your own Atlassian token") + ", so "
                        + product + " checks your permissions"))
                .append(".\n");
        md.append("Policy: ").append(String.join(" · ", policy())).append(".\n");
        return md.toString();
    }

    private List<String> policy() {
        PlatformConfig.Policy policy = platform.policy();
        List<String> lines = new ArrayList<>();
        policy.projects().ifPresent(p -> lines.add("projects " + String.join(", ", p)));
        policy.spaces().ifPresent(s -> lines.add("spaces " + String.join(", ", s)));
        lines.add(policy.readOnly() ? "read-only" : "reads and writes as your token's scopes allow");
        if (policy.ownItemsOnly()) {
            lines.add("writes only to your own issues or pages");
        }
        lines.add("at most " + policy.maxResults() + " results per call");
        return lines;
    }
}
