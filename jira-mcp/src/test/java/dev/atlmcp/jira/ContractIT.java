package dev.atlmcp.jira;

import dev.atlmcp.testing.contract.ContractTest;

/** Every request this module's tests sent to the sandbox, and every answer, against Atlassian's API descriptions. */
class ContractIT extends ContractTest {
}
