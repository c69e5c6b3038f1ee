package dev.atlmcp.adf;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Command-line converter: reads standard input, writes standard output.
 *
 * <pre>
 * java -jar adf-cli.jar to-markdown | from-markdown | storage-to-markdown | markdown-to-storage
 *                        | wiki-to-markdown | markdown-to-wiki
 * </pre>
 *
 * Exit code 0 on success; 2 with one line on standard error for bad usage or bad input.
 */
public final class AdfCli {

    /** Input larger than this is refused. */
    static final int MAX_INPUT_BYTES = 50 * 1024 * 1024;
    private static final String USAGE = "usage: java -jar adf-cli.jar to-markdown|from-markdown|storage-to-markdown|"
            + "markdown-to-storage|wiki-to-markdown|markdown-to-wiki  (reads stdin, writes stdout)";

    private AdfCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println(USAGE);
            return 2;
        }
        try {
            String input = read(in);
            String result = switch (args[0]) {
            case "to-markdown" -> AdfToMarkdown.render(document(input));
            case "from-markdown" -> MarkdownToAdf.convert(input).toString();
            case "storage-to-markdown" -> AdfToMarkdown.render(StorageToAdf.convert(input));
            case "markdown-to-storage" -> AdfToStorage.render(MarkdownToAdf.convert(input));
            case "wiki-to-markdown" -> AdfToMarkdown.render(WikiToAdf.convert(input));
            case "markdown-to-wiki" -> AdfToWiki.render(MarkdownToAdf.convert(input));
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'; " + USAGE);
            };
            out.println(result);
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("adf: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("adf: cannot read standard input: " + e.getMessage());
            return 2;
        }
    }

    private static String read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("input is larger than " + MAX_INPUT_BYTES / 1024 / 1024 + " MB");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode document(String json) {
        JsonNode doc;
        try {
            doc = AdfToMarkdown.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("standard input is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (doc == null || !doc.isObject() || !"doc".equals(doc.path("type").asText()) || !doc.path("content")
                .isArray()) {
            throw new IllegalArgumentException("standard input is JSON but not an ADF document: expected "
                    + "{\"type\":\"doc\",\"version\":1,\"content\":[...]}");
        }
        return doc;
    }
}
