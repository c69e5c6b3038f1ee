package dev.atlmcp.platform.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atlmcp.platform.errors.ToolRefusal;

class OutboundLinksTest {

    private final OutboundLinks links = new OutboundLinks(List.of("github.com", "*.acme.example"), Optional.of(
            "https://acme.atlassian.net"));

    @Test
    void theSiteConfiguredHostsAndSubdomainsOfStarredDomainsAreAllowed() {
        for (String url : List.of("https://acme.atlassian.net/browse/OPS-5", "https://github.com/acme/app/pull/4",
                "https://acme.example/x", "https://grafana.ops.acme.example:3000/d/1", "HTTPS://GitHub.com/a")) {
            links.requireAllowed("url", url);
        }
    }

    @Test
    void lookAlikesUserInformationAndOtherHostsAreRefused() {
        for (String url : List.of("https://github.com.evil.io/x", "https://evilgithub.com/x",
                "https://acme.example.evil"
                        + ".io/",
                "https://notacme.example/", "https://github.com@evil.io/x", "https://evil.io/?u=github.com",
                "https://other.atlassian.net/", "http://[::1]/", "not a url")) {
            assertThrows(ToolRefusal.class, () -> links.requireAllowed("url", url), url);
        }
        assertEquals("Nothing was sent: url points to evil.io, and links may point only to acme.atlassian.net, "
                + "github.com, *.acme.example. Ask an administrator to add the host to MCP_POLICY_LINK_HOSTS if "
                + "agents should link there.",
                assertThrows(ToolRefusal.class, () -> links.requireAllowed("url",
                        "https://github.com@evil.io/x")).getMessage());
    }

    @Test
    void everyLinkInAWriteBodyIsFoundWhereverItSits() throws Exception {
        var body = new ObjectMapper().readTree(
                """
                        {"body": {"type": "doc", "content": [{"type": "paragraph", "content": [
                          {"type": "text", "text": "see https://github.com/acme and http://leak.example.net/?d=secret"},
                          {"type": "text", "text": "here", "marks": [{"type": "link", "attrs": {"href": "https://x.evil.io"}}]},
                          {"type": "inlineCard", "attrs": {"url": "https://acme.atlassian.net/browse/OPS-1"}}]}]},
                         "storage": "<p><a href=\\"https://a:b@evil.io:8443/p\\">x</a> <img src='https://img.evil.io/p.png'/></p>"}
                        """);
        assertEquals(List.of("evil.io", "img.evil.io", "leak.example.net", "x.evil.io"), links.foreignHosts(body));
    }
}
