package dev.atlmcp.platform.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KeywordScanTest {

    private static final List<String> KEYWORDS = List.of("sk", "sk-ant-", "://", "password", "pwd", "q~");
    private static final KeywordScan SCAN = new KeywordScan(KEYWORDS);

    private static List<String> found(String lower) {
        BitSet present = SCAN.present(lower);
        return IntStream.range(0, KEYWORDS.size()).filter(present::get).mapToObj(KEYWORDS::get).toList();
    }

    @Test
    void findsEveryKeywordWhereverItIsAndOnlyThose() {
        assertEquals(List.of("sk", "sk-ant-"), found("sk-ant-api03-x"), "at the start, one inside another");
        assertEquals(List.of("password"), found("db password"), "at the end");
        assertEquals(List.of("://", "pwd"), found("é€ https://h/pwd"), "after characters beyond ASCII");
        assertEquals(List.of("q~"), found("abc4q~"));
        assertEquals(List.of(), found("passwor"), "a keyword cut short");
        assertEquals(List.of(), found("s"), "shorter than any keyword");
        assertEquals(List.of(), found(""));
    }

    @Test
    void findsWhatStringContainsFindsOnGeneratedText() {
        java.util.Random random = new java.util.Random(3);
        String alphabet = "skpawordq~:/-nt é";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String lower = text.toString();
            assertEquals(KEYWORDS.stream().filter(lower::contains).toList(), found(lower), lower);
        }
    }

    @Test
    void refusesKeywordsItCannotIndex() {
        assertThrows(IllegalArgumentException.class, () -> new KeywordScan(List.of("s")));
        assertThrows(IllegalArgumentException.class, () -> new KeywordScan(List.of("AKIA")));
        assertThrows(IllegalArgumentException.class, () -> new KeywordScan(List.of("é€")));
    }
}
