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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageRequest;
import vn.commops.common.csv.Csv;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.security.Roles;

@Path("/api/v1/feedback/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback clusters", description = "Near-duplicate feedback grouped, so a spreading message is counted once")
public class ClusterResource {

    private final ClusterService service;
    private final Exports exports;

    ClusterResource(ClusterService service, Exports exports) {
        this.service = service;
        this.exports = exports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List feedback clusters", description = "Most recently seen first (or sort by -itemCount); "
            + "filter by topic, last seen since, and a minimum number of items. The items of a cluster are listed by "
            + "GET /api/v1/feedback?cluster={id}. JSON pages; or every matching cluster as one streamed CSV or XLSX "
            + "file (format=csv|xlsx, or Accept), same filters and order, no paging.")
    @APIResponse(responseCode = "200", description = "One page of clusters, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClusterPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid filter, paging, sort or format")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds (1,048,575)")
    public Response list(
            @QueryParam("topic") @Parameter(example = "FALSE_INFORMATION") String topic,
            @QueryParam("since") @Parameter(description = "Last seen at or after", example = "2025-03-01T00:00:00+07:00")
            OffsetDateTime since,
            @QueryParam("minCount") @Min(1) @Parameter(description = "At least this many items", example = "5")
            Integer minCount,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), ClusterExport.FILE_NAME, ClusterExport.COLUMNS,
                    service.query(topic, since, minCount, paging.sort));
        }
        return Response.ok(service.list(topic, since, minCount, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "FeedbackClusterPage", description = "One page of feedback clusters")
    public record ClusterPage(List<ClusterView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "8") long totalItems) {
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
