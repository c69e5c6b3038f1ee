package dev.atlmcp.jira.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.atlmcp.jira.client.IssueDto;

class PeopleLegendTest {

    private static IssueDto issue(String key, IssueDto.User assignee, IssueDto.User reporter) {
        IssueDto.Fields fields = new IssueDto.Fields();
        fields.assignee = assignee;
        fields.reporter = reporter;
        return new IssueDto(key, key, fields, null);
    }

    private static IssueDto.User user(String accountId, String name) {
        return new IssueDto.User(accountId, null, null, name, null, true);
    }

    @Test
    void eachIdOnceBelowTheTableAndNamesAloneInTheCells() {
        IssueDto.User jane = user("5b10ac8d82e05b22cc7d4ef5", "Jane Doe");
        IssueDto.User bob = user("5b10a2844c20165700ede21g", "Bob Martin");
        PeopleLegend people = new PeopleLegend(List.of(issue("A-1", jane, bob), issue("A-2", jane, jane)), true,
                false);
        assertEquals("Jane Doe", people.cell(jane));
        assertEquals("\nPeople: Jane Doe (5b10ac8d82e05b22cc7d4ef5)", people.legend(), "reporters were not asked for");
    }

    @Test
    void aNameTwoPeopleShareKeepsItsIdsInTheCells() {
        IssueDto.User alex = user("111", "Alex Kim");
        IssueDto.User otherAlex = user("222", "Alex Kim");
        IssueDto.User bob = user("333", "Bob Martin");
        PeopleLegend people = new PeopleLegend(List.of(issue("A-1", alex, bob), issue("A-2", otherAlex, alex)), true,
                true);
        assertEquals("Alex Kim (111)", people.cell(alex));
        assertEquals("Alex Kim (222)", people.cell(otherAlex));
        assertEquals("Bob Martin", people.cell(bob));
        assertEquals("\nPeople: Bob Martin (333)", people.legend());
    }
}
