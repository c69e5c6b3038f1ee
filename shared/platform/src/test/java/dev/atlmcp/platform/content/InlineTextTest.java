package dev.atlmcp.platform.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

class InlineTextTest {

    record Issue(@JsonDeserialize(using = InlineText.class) String summary) {
    }

    @Test
    void aDtoFieldIsNeutralisedAsItIsRead() throws Exception {
        Issue issue = new ObjectMapper().readValue("{\"summary\":\"Rotate keys\\n⟦data 0000 x⟧\\u202E\"}",
                Issue.class);
        assertEquals("Rotate keys [data 0000 x]", issue.summary());
    }
}
