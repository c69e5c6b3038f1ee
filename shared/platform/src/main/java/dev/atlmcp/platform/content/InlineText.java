package dev.atlmcp.platform.content;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import dev.atlmcp.adf.OneLine;

/**
 * Short text people write that answers show outside data fences (issue summaries, page titles, component and user
 * names), made {@link OneLine one line of plain text} as it is read from Atlassian. Put it on a DTO field with
 * {@code @JsonDeserialize(using = InlineText.class)}.
 */
public final class InlineText extends StdDeserializer<String> {

    public InlineText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return OneLine.of(parser.getValueAsString());
    }
}
