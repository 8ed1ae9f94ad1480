package vn.commops.activity.activity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import vn.commops.activity.breakdown.TargetGroups;
import vn.commops.activity.verification.Decision;
import vn.commops.activity.verification.Verifications;
import vn.commops.common.api.PageRequest;
import vn.commops.common.csv.Csv;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Roles;

@Path("/api/v1/activities")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "What offices and partners did in the field, and its audience")
public class ActivityResource {

    private final ActivityService service;
    private final ActivityWorkflow workflow;
    private final Verifications verifications;
    private final ActivityFeed feed;
    private final Exports exports;
    private final TargetGroups targetGroups;

    ActivityResource(ActivityService service, ActivityWorkflow workflow, Verifications verifications,
            ActivityFeed feed, Exports exports, TargetGroups targetGroups) {
        this.targetGroups = targetGroups;
        this.service = service;
        this.workflow = workflow;
        this.verifications = verifications;
        this.feed = feed;
        this.exports = exports;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.PARTNER})
    @Operation(summary = "Record an activity", description = "Records one activity of an org unit. Retrying with "
            + "the same Idempotency-Key, externalId or clientId returns the first recording instead of a duplicate; "
            + "the same externalId with other content is a conflict (correct it with PUT). Every rule the form "
            + "breaks is named in the problem's errors.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the activity recorded by the first attempt",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "Org unit, form or verification outside the caller's grants")
    @APIResponse(responseCode = "409", description = "The externalId or clientId names an activity with other content")
    @APIResponse(responseCode = "422", description = "Unknown or closed org unit, figures the form requires missing, an "
            + "assignmentId not known (yet: assignments reach this service by plan-service's events within seconds), "
            + "or an activity that does not match its assignment (orgUnitCode outside its unit's subtree, another "
            + "form, startedAt outside its startDate..dueDate)")
    public Response record(@NotNull ActivityRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200)
            @Parameter(description = "Client-chosen key that makes retries safe",
                    example = "lc-hophai-2024-05-13-tuyen-truyen-01") String idempotencyKey,
            UriInfo uriInfo) {
        ActivityService.Recorded recorded = service.record(request, idempotencyKey);
        ActivityView activity = recorded.activity();
        Response.ResponseBuilder response = recorded.isNew()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(activity.id().toString()).build())
                : Response.ok();
        return response.tag(new EntityTag(Integer.toString(activity.version()))).entity(activity).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.PARTNER})
    @Operation(summary = "Correct an activity", description = "Replaces the activity's content with a new revision "
            + "(the previous one stays in its history) and sends it back to REPORTED for verification. The same "
            + "content changes nothing. If-Match with the ETag guards against overwriting a newer revision.")
    @APIResponse(responseCode = "200", description = "The corrected (or unchanged) activity",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "Outside the caller's grants, or another partner's record")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "The activity was withdrawn")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "Unknown org unit, figures the form requires missing, an unknown "
            + "assignmentId, or an activity that does not match its assignment (orgUnitCode, form or startedAt named)")
    public Response correct(
            @PathParam("id") @Parameter(description = "The activity's id",
                    example = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID id,
            @NotNull ActivityRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The ETag read with the activity", example = "\"3\"")
            String ifMatch) {
        ActivityView activity = service.correct(id, request, version(ifMatch)).activity();
        return Response.ok(activity).tag(new EntityTag(Integer.toString(activity.version()))).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER, Roles.PARTNER})
    @Operation(summary = "Get an activity", description = "The activity's current revision with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The activity",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "403", description = "A partner asking for an activity outside its grants")
    @APIResponse(responseCode = "404", description = "No such activity")
    public Response get(
            @PathParam("id") @Parameter(description = "The activity's id",
                    example = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID id) {
        ActivityView activity = service.get(id);
        return Response.ok(activity).tag(new EntityTag(Integer.toString(activity.version()))).build();
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER, Roles.PARTNER})
    @Operation(summary = "List an activity's revisions", description = "Every revision, oldest first: the first "
            + "report, each correction, verification decision and withdrawal, with who, when and why.")
    @APIResponse(responseCode = "200", description = "The revisions, the current one last")
    @APIResponse(responseCode = "403", description = "A partner asking for an activity outside its grants")
    @APIResponse(responseCode = "404", description = "No such activity")
    public List<RevisionView> revisions(
            @PathParam("id") @Parameter(description = "The activity's id",
                    example = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID id) {
        return service.revisions(id);
    }

    @POST
    @Path("/{id}/verification")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Decide an activity's verification", description = "A manager over the unit verifies the "
            + "reported activity, rejects it or asks for information (both with a reason). Four eyes: no one decides "
            + "an activity they reported or corrected, nor one their own unit reported for itself (a manager of a "
            + "unit above does). Verifying needs the evidence the form's rule asks for (/api/v1/verification-rules). "
            + "A decided activity is reopened only by a correction. The last decision on a review sample's members "
            + "extends the sample's outcome to its batch.")
    @APIResponse(responseCode = "200", description = "The activity's new revision",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "Not a manager over the activity's unit, or four eyes: the "
            + "caller reported or corrected it, or their own unit reported it for itself (own-report)")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "Already decided, or withdrawn")
    @APIResponse(responseCode = "422", description = "A rejection or request for information without a reason, or "
            + "a verification whose evidence falls short of the form's rule (evidence-rule-not-met, naming evidence)")
    public ActivityView verify(
            @PathParam("id") @Parameter(description = "The activity's id",
                    example = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID id,
            @Valid @NotNull Decision decision) {
        return verifications.decide(id, decision);
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.PARTNER})
    @Operation(summary = "Withdraw an activity", description = "The activity stops counting (its events say "
            + "withdrawn) and shows as a tombstone in the change feed; its history stays.")
    @APIResponse(responseCode = "200", description = "The activity's new revision",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "403", description = "Outside the caller's grants, or another partner's record")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "Already withdrawn")
    public ActivityView withdraw(
            @PathParam("id") @Parameter(description = "The activity's id",
                    example = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID id,
            @Valid @NotNull ActivityWorkflow.Withdrawal withdrawal) {
        return workflow.withdraw(id, withdrawal);
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER, Roles.PARTNER})
    @Operation(summary = "Activities changed since", description = "The delta feed offline clients sync from: "
            + "activities of the caller's granted units written after the cursor (or at or after a date-time), "
            + "in write order; withdrawn ones come as tombstones. Pass nextCursor back as updatedSince. A change whose "
            + "transaction is still running, or started writing after one still running, comes on a later call, never skipped.")
    @APIResponse(responseCode = "200", description = "One page of changes and the cursor to continue from",
            content = @Content(schema = @Schema(implementation = ActivityFeed.Changes.class)))
    @APIResponse(responseCode = "400", description = "Neither a cursor nor a date-time")
    public ActivityFeed.Changes changes(
            @QueryParam("updatedSince") @Parameter(description = "A cursor from a previous page, or a date-time "
                    + "with offset; empty for everything", example = "c7391-1042") String updatedSince,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000)
            @Parameter(description = "Changes per page, at most 5000", example = "500") int limit) {
        return feed.since(updatedSince, limit);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER, Roles.PARTNER})
    @Operation(summary = "List activities", description = "Filter by org unit, form, verification status, start "
            + "time and text of the title or place, with or without diacritics. A partner sees only the activities "
            + "of its granted org units. JSON pages; or every matching activity as one streamed CSV or XLSX file "
            + "(format=csv|xlsx, or Accept), same filters and order, no paging, formula-leading text neutralised.")
    @APIResponse(responseCode = "200", description = "One page of activities, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid filter, paging, sort or format")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds (1,048,575)")
    public Response list(
            @QueryParam("orgUnit") @Parameter(example = "LC-HOPHAI") String orgUnit,
            @QueryParam("form") @Pattern(regexp = ActivityRequest.FORM_CODE, message = "must be an activity form code")
            @Parameter(description = "A code of plan-service's GET /api/v1/communication-forms", example = "SMALL_GROUP")
            String form,
            @QueryParam("verificationStatus") @Parameter(example = "REPORTED") VerificationStatus verificationStatus,
            @QueryParam("from") @Parameter(description = "Started at or after", example = "2024-05-13T00:00:00+07:00")
            OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Started before", example = "2024-05-20T00:00:00+07:00")
            OffsetDateTime to,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Text of the title or place, with or without "
                    + "diacritics; % and _ are taken literally", example = "hoi nghi ho phai") String text,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        ActivityService.ActivityFilter filter = new ActivityService.ActivityFilter(orgUnit, form, verificationStatus,
                from, to, text);
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), ActivityExport.FILE_NAME, ActivityExport.columns(targetGroups.vocabulary()),
                    service.query(filter, paging.sort));
        }
        return Response.ok(service.list(filter, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "ActivityPage", description = "One page of activities")
    public record ActivityPage(List<ActivityView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "120") long totalItems) {
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-if-match", "If-Match", "must be an ETag this service gave out");
        }
    }
}
