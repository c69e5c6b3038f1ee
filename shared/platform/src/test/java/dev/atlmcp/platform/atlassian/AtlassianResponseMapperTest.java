package dev.atlmcp.platform.atlassian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Each Atlassian error body shape yields the messages a person would want to read, and nothing else. */
class AtlassianResponseMapperTest {

    @Test
    void jiraErrorCollection() {
        assertEquals(List.of("Field 'x' does not exist.", "summary: You must specify a summary."),
                AtlassianResponseMapper.messages("{\"errorMessages\":[\"Field 'x' does not exist.\"],"
                        + "\"errors\":{\"summary\":\"You must specify a summary.\"}}"));
    }

    @Test
    void confluenceV1MessageWithoutTheJavaExceptionPrefix() {
        assertEquals(List.of("No field exists with the name: 'sapce'"), AtlassianResponseMapper.messages(
                "{\"statusCode\":400,\"data\":{\"errors\":[]},\"message\":\"com.atlassian.confluence.api.service."
                        + "exceptions.BadRequestException: No field exists with the name: 'sapce'\"}"));
        assertEquals(List.of("Could not parse cql : space = OPS AND"), AtlassianResponseMapper.messages(
                "{\"statusCode\":400,\"message\":\"Could not parse cql : space = OPS AND\"}"));
    }

    @Test
    void confluenceV2ErrorsKeepDetailsAndDropTitlesThatOnlyRepeatTheStatus() {
        assertEquals(List.of(), AtlassianResponseMapper.messages("{\"errors\":[{\"status\":404,\"code\":"
                + "\"NOT_FOUND\",\"title\":\"Not Found\",\"detail\":null}]}"));
        assertEquals(List.of("Provided value {abc} for 'id' is not the correct type."), AtlassianResponseMapper
                .messages("{\"errors\":[{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"Provided value {abc} "
                        + "for 'id' is not the correct type.\"}]}"));
    }

    @Test
    void htmlBodiesAreNotPassedOnAndRetryAfterIsRead() {
        assertEquals(List.of(), AtlassianResponseMapper.messages("<html><body>Gateway</body></html>"));
        assertEquals(Optional.of(30L), AtlassianResponseMapper.retryAfter(" 30 "));
        assertEquals(Optional.empty(), AtlassianResponseMapper.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"));
    }
}
