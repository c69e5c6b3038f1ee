package dev.atlmcp.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorageToAdfTest {

    private static String markdown(String storage) {
        return AdfToMarkdown.render(StorageToAdf.convert(storage));
    }

    @Test
    void textStructureAndMarks() {
        String md = markdown("<h2>Mitigate</h2><p>Scale <code>checkout-api</code> to <strong>6</strong> replicas, "
                + "see <a href=\"https://status.example.com\">status</a>.</p><ol><li><p>Pause the job.</p></li>"
                + "<li>Raise the pool<ul><li>only after the pause</li></ul></li></ol><hr />");
        assertEquals("""
                ## Mitigate

                Scale `checkout-api` to **6** replicas, see [status](https://status.example.com).

                1. Pause the job.
                2. Raise the pool
                   - only after the pause

                ---""", md.strip());
    }

    @Test
    void codeMacroKeepsLanguageAndCdata() {
        String md = markdown("<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash"
                + "</ac:parameter><ac:plain-text-body><![CDATA[kubectl get pods | grep -c '<none>' && echo ```]]>"
                + "</ac:plain-text-body></ac:structured-macro>");
        assertEquals("````bash\nkubectl get pods | grep -c '<none>' && echo ```\n````", md.strip());
    }

    @Test
    void panelsTablesMentionsStatusAndTasks() {
        String md = markdown("<ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><p>Page the IC."
                + "</p></ac:rich-text-body></ac:structured-macro><table><tbody><tr><th>Role</th><th>Who</th></tr>"
                + "<tr><td>IC</td><td><ac:link><ri:user ri:account-id=\"5b10ac8d\" /></ac:link></td></tr></tbody>"
                + "</table><p>State: <ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">Green"
                + "</ac:parameter><ac:parameter ac:name=\"title\">Decided</ac:parameter></ac:structured-macro></p>"
                + "<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status>"
                + "<ac:task-body>Pause job</ac:task-body></ac:task><ac:task><ac:task-status>incomplete"
                + "</ac:task-status><ac:task-body>Write postmortem</ac:task-body></ac:task></ac:task-list>");
        assertTrue(md.contains("> [!WARNING]\n> Page the IC."), md);
        assertTrue(md.contains("| Role | Who |\n| --- | --- |\n| IC | @[](user:5b10ac8d) |"), md);
        assertTrue(md.contains("State: <status color=\"green\">Decided</status>"), md);
        assertTrue(md.contains("- [x] Pause job\n- [ ] Write postmortem"), md);
    }

    @Test
    void unknownMacrosAreKeptNotDropped() {
        String md = markdown("<p>Before</p><ac:structured-macro ac:name=\"jira\"><ac:parameter ac:name=\"key\">"
                + "OPS-1</ac:parameter></ac:structured-macro><p>After</p>");
        assertTrue(md.contains("```adf\n"), md);
        assertTrue(md.contains("\"extensionKey\":\"jira\""), md);
        assertTrue(md.contains("\"key\":{\"value\":\"OPS-1\"}"), md);
        assertTrue(md.indexOf("Before") < md.indexOf("jira") && md.indexOf("jira") < md.indexOf("After"), md);
    }
}
