package vn.commops.activity.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

@Path("/api/v1/review-samples")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Verification", description = "Four-eyes verification: evidence rules, review queues, sampled review")
public class ReviewSampleResource {

    private final ReviewSamples samples;

    ReviewSampleResource(ReviewSamples samples) {
        this.samples = samples;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Draw a review sample of a partner's batch", description = "The batch is the partner's "
            + "activities recorded in [recordedFrom, recordedTo) in the unit's subtree, not withdrawn. "
            + "ceil(percent × batch size) of them, at least one, are drawn in the order of md5(\"<seed>:<activity "
            + "id>\"): the same seed and batch draw the same sample. Reviewers decide the members through "
            + "POST /api/v1/activities/{id}/verification (four eyes and evidence rules apply); when the last is "
            + "decided, the outcome extends to the rest of the batch still REPORTED: verified when at most "
            + "maxRejectedPercent of the sample was rejected (records short of their evidence rule asked for "
            + "information instead), asked for information otherwise.")
    @APIResponse(responseCode = "201", description = "Drawn",
            content = @Content(schema = @Schema(implementation = SampleViews.SampleView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the sample the first attempt drew",
            content = @Content(schema = @Schema(implementation = SampleViews.SampleView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The org unit is outside the caller's grants")
    @APIResponse(responseCode = "409", description = "Another open sample holds records of this batch")
    @APIResponse(responseCode = "422", description = "Unknown partner or org unit, a window that ends before it "
            + "starts, or a batch with no record")
    public Response draw(@Valid @NotNull SampleViews.SampleRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200)
            @Parameter(description = "Client-chosen key that makes retries safe", example = "lc-post-office-2024-w20")
            String idempotencyKey,
            @jakarta.ws.rs.core.Context UriInfo uriInfo) {
        ReviewSamples.Drawn drawn = samples.draw(request, idempotencyKey);
        return (drawn.isNew()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(drawn.sample().id().toString()).build())
                : Response.ok()).entity(drawn.sample()).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "List review samples", description = "The samples drawn for the unit and every unit below "
            + "it, latest first, optionally of one partner or in one status, without their members.")
    @APIResponse(responseCode = "200", description = "One page of samples",
            content = @Content(schema = @Schema(implementation = SampleViews.SamplePage.class)))
    @APIResponse(responseCode = "400", description = "No org unit, or invalid paging or status")
    @APIResponse(responseCode = "403", description = "The org unit is outside the caller's grants")
    @APIResponse(responseCode = "422", description = "Unknown org unit")
    public PageOf<SampleViews.SampleSummary> list(
            @QueryParam("orgUnit") @NotBlank @Size(max = 64) @Parameter(description = "The unit whose subtree's "
                    + "samples to list", example = "LC") String orgUnit,
            @QueryParam("partnerId") @Size(max = 100) @Parameter(example = "post-office-lc") String partnerId,
            @QueryParam("status") @Parameter(example = "OPEN") ReviewSample.Status status,
            @Valid @BeanParam PageRequest paging) {
        return samples.list(orgUnit, partnerId, status, paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Get a review sample", description = "The sample with its members in the order drawn, "
            + "their decisions, and once every member is decided, its outcome and how far it extended.")
    @APIResponse(responseCode = "200", description = "The sample",
            content = @Content(schema = @Schema(implementation = SampleViews.SampleView.class)))
    @APIResponse(responseCode = "403", description = "The sample's org unit is outside the caller's grants")
    @APIResponse(responseCode = "404", description = "No such sample")
    public SampleViews.SampleView get(
            @PathParam("id") @Parameter(description = "The sample's id", example = "0190f3c2-5d1e-7a4b-9c3d-2e1f0a9b8c7d")
            UUID id) {
        return samples.get(id);
    }
}
