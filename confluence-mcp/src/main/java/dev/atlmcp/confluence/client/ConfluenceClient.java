package dev.atlmcp.confluence.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.atlmcp.auth.audit.AtlassianCallRecorder;
import dev.atlmcp.auth.outbound.AtlassianRequestFilter;
import dev.atlmcp.auth.outbound.AtlassianResponseMapper;

/**
 * Confluence's REST APIs. Cloud: v2 for pages and spaces ({@code /wiki/api/v2}), v1 for CQL search
 * ({@code /wiki/rest/api/search}, cursor paging). Data Center: v1 at the site's context root ({@code /rest/api},
 * storage format, {@code start} offsets).
 */
@RegisterRestClient(configKey = "confluence")
@RegisterProvider(AtlassianRequestFilter.class)
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@Produces(MediaType.APPLICATION_JSON)
public interface ConfluenceClient {

    @GET
    @Path("/wiki/api/v2/pages/{id}")
    PageDtos.CloudPage cloudPage(@PathParam("id") String id, @QueryParam("body-format") String bodyFormat,
            @QueryParam("include-labels") boolean includeLabels);

    @GET
    @Path("/wiki/api/v2/spaces/{id}")
    PageDtos.CloudSpace cloudSpace(@PathParam("id") String id);

    @GET
    @Path("/wiki/rest/api/search")
    SearchDtos.SearchPage cloudSearch(@QueryParam("cql") String cql, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor, @QueryParam("excerpt") String excerpt);

    @GET
    @Path("/rest/api/content/{id}")
    PageDtos.DataCenterPage dataCenterPage(@PathParam("id") String id, @QueryParam("expand") String expand);

    @GET
    @Path("/rest/api/search")
    SearchDtos.SearchPage dataCenterSearch(@QueryParam("cql") String cql, @QueryParam("limit") int limit,
            @QueryParam("start") int start, @QueryParam("excerpt") String excerpt);

    @POST
    @Path("/wiki/api/v2/footer-comments")
    CommentDtos.Created addFooterComment(CommentDtos.NewFooterComment comment);

    @POST
    @Path("/rest/api/content")
    CommentDtos.Created addDataCenterComment(CommentDtos.NewDataCenterComment comment);

    @GET
    @Path("/wiki/api/v2/pages/{id}/footer-comments")
    CommentDtos.CommentList cloudFooterComments(@PathParam("id") String id, @QueryParam("sort") String sort,
            @QueryParam("limit") int limit);

    @GET
    @Path("/rest/api/content/{id}/child/comment")
    CommentDtos.CommentList dataCenterComments(@PathParam("id") String id, @QueryParam("start") int start,
            @QueryParam("limit") int limit);

    @GET
    @Path("/wiki/rest/api/user/current")
    PageDtos.Person cloudCurrentUser();

    @GET
    @Path("/rest/api/user/current")
    PageDtos.Person dataCenterCurrentUser();
}
