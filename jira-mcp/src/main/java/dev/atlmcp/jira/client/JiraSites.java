package dev.atlmcp.jira.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atlmcp.auth.config.AtlassianConfig;

/** The {@link JiraSite} of the configured deployment ({@code ATLASSIAN_DEPLOYMENT}). */
@ApplicationScoped
public class JiraSites {

    @Produces
    @ApplicationScoped
    JiraSite site(AtlassianConfig config, @RestClient JiraClient client, @RestClient JiraDataCenterFiles files,
            ObjectMapper json) {
        return config.isDataCenter() ? new JiraDataCenterSite(client, files) : new JiraCloudSite(client, json);
    }
}
