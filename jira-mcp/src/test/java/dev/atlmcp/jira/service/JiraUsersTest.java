package dev.atlmcp.jira.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraCloudSite;
import dev.atlmcp.jira.client.JiraDataCenterSite;

/** How a person named in a write (assignee, watcher, a user field) becomes the reference the site takes. */
class JiraUsersTest {

    private final List<String> lookups = new ArrayList<>();

    private static IssueDto.User cloudUser(String id, String name, String email, boolean active) {
        return new IssueDto.User(id, null, null, name, email, active);
    }

    private JiraUsers cloud(IssueDto.User... people) {
        return new JiraUsers(new JiraCloudSite(null, new ObjectMapper()) {
            @Override
            public List<IssueDto.User> findPeople(String text, int maxResults) {
                lookups.add(text);
                return List.of(people);
            }
        });
    }

    private JiraUsers dataCenter(IssueDto.User... people) {
        return new JiraUsers(new JiraDataCenterSite(null, null) {
            @Override
            public List<IssueDto.User> findPeople(String text, int maxResults) {
                lookups.add(text);
                return List.of(people);
            }
        });
    }

    @Test
    void aCloudAccountIdIsTakenAsItIsWithoutALookup() {
        assertEquals("{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\"}", cloud().reference("Assignee",
                " 5b10ac8d82e05b22cc7d4ef5 ").toString());
        assertEquals(List.of(), lookups);
    }

    @Test
    void anExactEmailOrNameWinsOverPrefixMatches() {
        JiraUsers users = cloud(cloudUser("a1", "Jane Doe", "jane.doe@example.com", true), cloudUser("a2",
                "Jane Doell", "jane.doell@example.com", true));
        assertEquals("{\"accountId\":\"a1\"}", users.reference("Assignee", "jane.doe@example.com").toString());
        assertEquals("{\"accountId\":\"a2\"}", users.reference("Assignee", "jane doell").toString());
    }

    @Test
    void severalMatchesAreNamedWithTheIdTheSiteTakes() {
        IllegalArgumentException cloud = assertThrows(IllegalArgumentException.class, () -> cloud(cloudUser("a1",
                "Jane Doe", null, true), cloudUser("a2", "Jane Doell", null, true)).reference("Watcher", "jane"));
        assertEquals("'jane' matches several Jira users for Watcher: Jane Doe (a1), Jane Doell (a2). Give the email "
                + "or account id of the one you mean.", cloud.getMessage());
        IllegalArgumentException dataCenter = assertThrows(IllegalArgumentException.class, () -> dataCenter(
                new IssueDto.User(null, "jdoe", "jdoe", "Jane Doe", null, true), new IssueDto.User(null, "jdoell",
                        "jdoell", "Jane Doell", null, true)).reference("Watcher", "jane"));
        assertEquals("'jane' matches several Jira users for Watcher: Jane Doe (jdoe), Jane Doell (jdoell). Give the "
                + "email or username of the one you mean.", dataCenter.getMessage());
    }

    @Test
    void inactivePeopleAreNotMatched() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> dataCenter(
                new IssueDto.User(null, "jdoe", "jdoe", "Jane Doe", null, false)).reference("Assignee", "jdoe"));
        assertEquals("No active Jira user matches 'jdoe' for Assignee. Give their display name, email or username.",
                none.getMessage());
        assertEquals(List.of("jdoe"), lookups);
    }

    @Test
    void onDataCenterTheReferenceIsTheUsername() {
        assertEquals("{\"name\":\"jdoe\"}", dataCenter(new IssueDto.User(null, "jdoe", "jdoe", "Jane Doe",
                "jane.doe@example.com", true)).reference("Assignee", "Jane Doe").toString());
    }
}
