package dev.atlmcp.platform.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadedFileTest {

    private static final int MAX = 1024;

    private static String refusal(String filename, String text, String base64, String mediaType) {
        return assertThrows(IllegalArgumentException.class, () -> UploadedFile.of(filename, text, base64, mediaType,
                MAX)).getMessage();
    }

    @Test
    void textIsStoredAsUtf8WithTheTypeItsExtensionNames() {
        UploadedFile csv = UploadedFile.of(" errors.csv ", "minute,errors\n00:10,12\n", null, null, MAX);
        assertEquals("errors.csv", csv.name());
        assertEquals("text/csv", csv.mediaType());
        assertArrayEquals("minute,errors\n00:10,12\n".getBytes(StandardCharsets.UTF_8), csv.content());
        assertEquals("text/plain", UploadedFile.of("notes", "ü", null, null, MAX).mediaType());
        assertEquals(2, UploadedFile.of("notes", "ü", null, null, MAX).size());
        assertEquals("text/markdown", UploadedFile.of("a.txt", "x", null, "Text/Markdown", MAX).mediaType());
    }

    @Test
    void base64IsDecodedWithItsDeclaredType() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2 };
        UploadedFile file = UploadedFile.of("chart.png", null, Base64.getMimeEncoder().encodeToString(png),
                "image/png", MAX);
        assertArrayEquals(png, file.content());
        assertEquals("{\"filename\":\"chart.png\",\"mediaType\":\"image/png\",\"size\":7,\"sha256\":\""
                + file.sha256() + "\"}", file.describe().toString());
        assertEquals(64, file.sha256().length());
    }

    @Test
    void exactlyOneKindOfContentIsNeeded() {
        String both = refusal("a.txt", "x", "eA==", "text/plain");
        assertTrue(both.startsWith("Give the file's content as exactly one of text"), both);
        assertEquals(both, refusal("a.txt", null, " ", null));
        assertEquals("media_type is needed with base64, e.g. image/png or application/pdf", refusal("a.bin", null,
                "eA==", null));
        assertTrue(refusal("a.bin", null, "not base64!", "application/octet-stream").startsWith(
                "base64 is not valid base64"));
        assertEquals("media_type must be a media type like image/png or text/csv, got 'png'", refusal("a.png", null,
                "eA==", "png"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "../etc/passwd", "/etc/passwd", "C:\\boot.ini", "a\u0000b.txt", "..", "a\nb.txt",
            "report\u202Efdp.exe", "" })
    void aFileNameIsAPlainNameNeverAPath(String name) {
        String refused = refusal(name, "x", null, null);
        assertTrue(refused.startsWith("filename must "), refused);
    }

    @Test
    void theSizeCapHoldsForTextAndForBase64BeforeItIsDecoded() {
        assertEquals("big.txt is 1,025 bytes; files up to 1,024 bytes can be attached here "
                + "(MCP_POLICY_MAX_UPLOAD_BYTES). Attach a larger file in the product itself",
                refusal("big.txt", "x"
                        .repeat(MAX + 1), null, null));
        assertTrue(refusal("big.bin", null, "A".repeat(4_000_000), "application/octet-stream").startsWith(
                "big.bin is 3,000,000 bytes; files up to 1,024 bytes"));
        assertEquals(MAX, UploadedFile.of("max.txt", "x".repeat(MAX), null, null, MAX).size());
        assertEquals(MAX, UploadedFile.of("max.bin", null, Base64.getEncoder().encodeToString(new byte[MAX]),
                "application/octet-stream", MAX).size());
    }
}
