package dev.atlmcp.auth.delegated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MissingScopesTest {

    private static final List<String> REQUESTED = List.of("read:jira-work", "write:jira-work", "offline_access");

    @Test
    void theScopesAGrantLacksAreNamedButNotOfflineAccess() {
        assertEquals(List.of("write:jira-work"), DelegatedAccess.missingScopes(REQUESTED, "read:jira-work"));
        assertEquals(List.of(), DelegatedAccess.missingScopes(REQUESTED, "write:jira-work read:jira-work"));
        assertEquals(List.of(), DelegatedAccess.missingScopes(REQUESTED, "read:jira-work,write:jira-work"));
    }

    @Test
    void aGrantThatNamesNoScopesIsTakenAsItIs() {
        assertEquals(List.of(), DelegatedAccess.missingScopes(REQUESTED, null));
        assertEquals(List.of(), DelegatedAccess.missingScopes(REQUESTED, " "));
    }

    @Test
    void aScopeNamedTwiceInTheGrantIsNoProblem() {
        assertEquals(List.of(), DelegatedAccess.missingScopes(REQUESTED, "read:jira-work write:jira-work "
                + "read:jira-work"));
    }
}
