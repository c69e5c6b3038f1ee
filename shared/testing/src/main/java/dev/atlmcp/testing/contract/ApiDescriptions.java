package dev.atlmcp.testing.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * Atlassian's published OpenAPI descriptions of the Cloud REST APIs the servers use, vendored under {@code contract/}
 * with their provenance ({@code contract/SOURCES.md}), each with a validator from Atlassian's
 * swagger-request-validator.
 */
final class ApiDescriptions {

    /** A described API: its file, and the path prefix of its operations on a Cloud site. */
    enum Api {
        JIRA_PLATFORM("Jira Cloud platform REST v3", "jira-platform-v3.json", "/rest/api/3/", null),
        JIRA_SOFTWARE("Jira Software Cloud REST 1.0 (Agile)", "jira-software-agile-1.0.json", "/rest/agile/1.0/",
                null),
        CONFLUENCE_V2("Confluence Cloud REST v2", "confluence-v2.json", "/wiki/api/v2/", "/wiki/api/v2"),
        CONFLUENCE_V1("Confluence Cloud REST v1", "confluence-v1.json", "/wiki/rest/api/", null);

        final String title;
        final String file;
        final String prefix;
        final String basePath;

        Api(String title, String file, String prefix, String basePath) {
            this.title = title;
            this.file = file;
            this.prefix = prefix;
            this.basePath = basePath;
        }

        /** The API whose operations live under the path, if one is described. */
        static Optional<Api> of(String path) {
            for (Api api : values()) {
                if (path.startsWith(api.prefix)) {
                    return Optional.of(api);
                }
            }
            return Optional.empty();
        }
    }

    /** One loaded description. */
    record Described(OpenAPI openApi, OpenApiInteractionValidator validator, ApiOperationResolver operations) {

        /** The operation the description has for the request, if any. */
        Optional<ApiOperation> operation(String path, Request.Method method) {
            ApiOperationMatch match = operations.findApiOperation(path, method);
            return match.isPathFound() && match.isOperationAllowed() ? Optional.of(match.getApiOperation())
                    : Optional.empty();
        }
    }

    private final Map<Api, Described> loaded = new EnumMap<>(Api.class);

    Described get(Api api) {
        return loaded.computeIfAbsent(api, ApiDescriptions::load);
    }

    private static Described load(Api api) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // allOf merged into one schema: the validator's check for properties a schema does not name (how it finds
        // fields an answer should not have) cannot see through allOf otherwise
        options.setResolveFully(true);
        options.setResolveCombinators(true);
        OpenAPI openApi = new OpenAPIV3Parser().readContents(resource(api.file), null, options).getOpenAPI();
        if (openApi == null) {
            throw new IllegalStateException("contract/" + api.file + " is not an OpenAPI description");
        }
        // The recorded traffic carries no credentials and no Accept header, so those are not checked.
        LevelResolver levels = LevelResolver.create()
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                .build();
        OpenApiInteractionValidator.Builder validator = OpenApiInteractionValidator.createFor(openApi)
                .withLevelResolver(levels);
        if (api.basePath != null) {
            validator.withBasePathOverride(api.basePath);
        }
        return new Described(openApi, validator.build(), new ApiOperationResolver(openApi, api.basePath, false));
    }

    private static String resource(String file) {
        try (InputStream in = ApiDescriptions.class.getClassLoader().getResourceAsStream("contract/" + file)) {
            if (in == null) {
                throw new IllegalStateException("contract/" + file + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
