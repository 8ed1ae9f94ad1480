package vn.commops.crisis.cluster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.security.Roles;

@Path("/api/v1/feedback/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback clusters", description = "Near-duplicate feedback grouped, so a spreading message is counted once")
public class ClusterResource {

    private final ClusterService service;

    ClusterResource(ClusterService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List feedback clusters", description = "Most recently seen first (or sort by -itemCount); "
            + "filter by topic, last seen since, and a minimum number of items. The items of a cluster are listed by "
            + "GET /api/v1/feedback?cluster={id}.")
    @APIResponse(responseCode = "200", description = "One page of clusters")
    @APIResponse(responseCode = "400", description = "Invalid filter, paging or sort")
    public PageOf<ClusterView> list(
            @QueryParam("topic") @Parameter(example = "FALSE_INFORMATION") String topic,
            @QueryParam("since") @Parameter(description = "Last seen at or after", example = "2025-03-01T00:00:00+07:00")
            OffsetDateTime since,
            @QueryParam("minCount") @Min(1) @Parameter(description = "At least this many items", example = "5")
            Integer minCount,
            @Valid @BeanParam PageRequest paging) {
        return service.list(topic, since, minCount, paging);
    }

    @GET
    @Path("/{clusterId}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a feedback cluster", description = "Its count and when it was first and last seen.")
    @APIResponse(responseCode = "200", description = "The cluster",
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "404", description = "No such cluster")
    public ClusterView get(
            @PathParam("clusterId") @Parameter(description = "The cluster's id",
                    example = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d") UUID clusterId) {
        return service.get(clusterId);
    }
}
