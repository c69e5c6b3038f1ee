package dev.atlmcp.jira.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.atlmcp.platform.content.InlineText;

/** An issue as Jira returns it; {@code description} and comment bodies are ADF on Cloud and wiki text on DC. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueDto(String id, String key, Fields fields, Map<String, String> names) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(String id, String key, @JsonDeserialize(using = InlineText.class) String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Visibility(String type, String value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Named(String id, @JsonDeserialize(using = InlineText.class) String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(@JsonDeserialize(using = InlineText.class) String name, StatusCategory statusCategory) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusCategory(String key, String name) {
    }

    /** Cloud users carry {@code accountId}; Data Center users {@code name} and {@code key}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String accountId, String name, String key,
            @JsonDeserialize(using = InlineText.class) String displayName,
            String emailAddress,
            Boolean active) {
        public String id() {
            return accountId != null ? accountId : name != null ? name : key;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssueRef(String id, String key, RefFields fields) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RefFields(@JsonDeserialize(using = InlineText.class) String summary, Status status, Named issuetype,
            Named priority) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinkType(@JsonDeserialize(using = InlineText.class) String name,
            @JsonDeserialize(using = InlineText.class) String inward,
            @JsonDeserialize(using = InlineText.class) String outward) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(String id, LinkType type, IssueRef inwardIssue, IssueRef outwardIssue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Comment(String id, User author, JsonNode body, String created, String updated,
            Visibility visibility, Boolean jsdPublic) {

        /** Limited to a role or group, or a service-desk internal comment. */
        public boolean restricted() {
            return visibility != null && visibility.value() != null || Boolean.FALSE.equals(jsdPublic);
        }
    }

    /** File metadata; the content is fetched separately. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attachment(String id, String filename, String mimeType, Long size, String created, User author) {
    }

    /** Jira's own wording of each duration, e.g. {@code 1d 4h}; a part not set is null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimeTracking(String originalEstimate, String remainingEstimate, String timeSpent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Comments(List<Comment> comments, Integer total) {
    }

    /** The fields Jira returned; anything not modelled (custom fields) is kept in {@link #other}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Fields {
        @JsonDeserialize(using = InlineText.class)
        public String summary;
        public Status status;
        public Named issuetype;
        public Named priority;
        public Project project;
        public Named resolution;
        public User assignee;
        public User reporter;
        public String created;
        public String updated;
        public String duedate;
        public List<String> labels;
        public List<Named> components;
        public List<Named> fixVersions;
        /** Affects versions. */
        public List<Named> versions;
        public TimeTracking timetracking;
        public JsonNode description;
        public JsonNode environment;
        public Comments comment;
        public List<IssueRef> subtasks;
        public List<Link> issuelinks;
        public IssueRef parent;
        public List<Attachment> attachment;
        /** Relations to issues outside the allowed projects, left out above and only counted (never from Jira). */
        @JsonIgnore
        public int hiddenParent;
        @JsonIgnore
        public int hiddenSubtasks;
        @JsonIgnore
        public int hiddenLinks;
        public final Map<String, JsonNode> other = new LinkedHashMap<>();

        @JsonAnySetter
        void other(String name, JsonNode value) {
            other.put(name, value);
        }
    }
}
