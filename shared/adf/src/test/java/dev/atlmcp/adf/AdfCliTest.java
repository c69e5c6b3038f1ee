package dev.atlmcp.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class AdfCliTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String input, String... args) {
        return run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
    }

    private static Run run(InputStream input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdfCli.run(args, input, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err,
                true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void convertsEachWay() throws Exception {
        String adf = Files.readString(RoundTripTest.CORPUS.resolve("25-jira-bug-report-realistic.json"));
        Run markdown = run(adf, "to-markdown");
        assertEquals(0, markdown.exit());
        assertTrue(markdown.out().startsWith("## Summary\n"), markdown.out());
        Run back = run(markdown.out(), "from-markdown");
        assertEquals(0, back.exit());
        assertTrue(back.out().startsWith("{\"version\":1,\"type\":\"doc\""), back.out());

        Run storage = run("## Notes\n\n- [ ] call @[Jane Doe](user:5b10)\n", "markdown-to-storage");
        assertEquals("<h2>Notes</h2><ac:task-list><ac:task><ac:task-status>incomplete</ac:task-status><ac:task-body>"
                + "call <ac:link><ri:user ri:account-id=\"5b10\" /></ac:link></ac:task-body></ac:task></ac:task-list>\n",
                storage.out());
        Run fromStorage = run(storage.out(), "storage-to-markdown");
        assertEquals("## Notes\n\n- [ ] call @[](user:5b10)\n", fromStorage.out());

        Run wiki = run("## Notes\n\n1. **call** [Jane](https://example.com/jane)\n", "markdown-to-wiki");
        assertEquals("h2. Notes\n\n# *call* [Jane|https://example.com/jane]\n", wiki.out());
        assertEquals("## Notes\n\n1. **call** [Jane](https://example.com/jane)\n", run(wiki.out(), "wiki-to-markdown")
                .out());
    }

    @Test
    void badInputIsExitCode2WithOneClearLine() {
        Run json = run("{\"type\":\"doc\",", "to-markdown");
        assertEquals(2, json.exit());
        assertTrue(json.err().startsWith("adf: standard input is not valid JSON (line 1, column"), json.err());
        Run notAdf = run("{\"fields\":{}}", "to-markdown");
        assertEquals("adf: standard input is JSON but not an ADF document: expected {\"type\":\"doc\",\"version\":1,"
                + "\"content\":[...]}\n", notAdf.err());
        Run usage = run("", "to-html");
        assertEquals(2, usage.exit());
        assertTrue(usage.err().startsWith("adf: unknown command 'to-html'"), usage.err());
        assertEquals(2, run("").exit());
    }

    @Test
    void inputOver50MegabytesIsRefusedWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        Run big = run(endless, "from-markdown");
        assertEquals(2, big.exit());
        assertEquals("adf: input is larger than 50 MB\n", big.err());
    }
}
