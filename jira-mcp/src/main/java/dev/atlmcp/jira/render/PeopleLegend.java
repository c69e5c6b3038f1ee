package dev.atlmcp.jira.render;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.atlmcp.jira.client.IssueDto;

/**
 * People in a table by name alone and each one's id once, below the table, instead of in every row: an id costs a model
 * up to 30 tokens. A name two people share keeps the ids in its cells.
 */
final class PeopleLegend {

    private final Map<String, Set<String>> idsByName = new LinkedHashMap<>();

    /** The assignees and, where {@code withReporters}, the reporters of these issues. */
    PeopleLegend(List<IssueDto> issues, boolean withAssignees, boolean withReporters) {
        for (IssueDto issue : issues) {
            IssueDto.Fields f = issue.fields();
            if (f != null && withAssignees) {
                see(f.assignee);
            }
            if (f != null && withReporters) {
                see(f.reporter);
            }
        }
    }

    private void see(IssueDto.User user) {
        if (user != null && user.displayName() != null) {
            idsByName.computeIfAbsent(user.displayName(), n -> new LinkedHashSet<>()).add(user.id());
        }
    }

    /** {@code Jane Doe}, or {@code Jane Doe (5b10...)} when another person here has the same name. */
    String cell(IssueDto.User user) {
        if (user == null) {
            return null;
        }
        Set<String> ids = idsByName.get(user.displayName());
        return ids != null && ids.size() == 1 ? user.displayName() : user.displayName() + " (" + user.id() + ")";
    }

    /** {@code People: Jane Doe (5b10...), Bob Martin (...)}, or empty when the table names nobody. */
    String legend() {
        String people = idsByName.entrySet().stream().filter(e -> e.getValue().size() == 1).map(e -> e.getKey()
                + " (" + e.getValue().iterator().next() + ")").collect(Collectors.joining(", "));
        return people.isEmpty() ? "" : "\nPeople: " + people;
    }
}
