package vn.commops.activity.communicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Period;
import java.time.format.DateTimeParseException;
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
import vn.commops.activity.activity.ActivityView;
import vn.commops.activity.communicator.CommunicatorViews.AccessView;
import vn.commops.activity.communicator.CommunicatorViews.CommunicatorRequest;
import vn.commops.activity.communicator.CommunicatorViews.CommunicatorView;
import vn.commops.activity.communicator.CommunicatorViews.DeactivationRequest;
import vn.commops.common.api.IfMatch;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.csv.Csv;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Roles;
import vn.commops.common.sync.ChangeFeed;

@Path("/api/v1/communicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communicators", description = "Officers, collaborators, key lecturers and village heads, their "
        + "trainings and the activities they ran; contact details are personal data")
public class CommunicatorResource {

    private final CommunicatorService service;
    private final CommunicatorDeactivation deactivation;
    private final RetrainingDue retraining;
    private final Exports exports;
    private final CommunicatorFeed feed;

    CommunicatorResource(CommunicatorService service, CommunicatorDeactivation deactivation, RetrainingDue retraining,
            Exports exports, CommunicatorFeed feed) {
        this.service = service;
        this.deactivation = deactivation;
        this.retraining = retraining;
        this.exports = exports;
        this.feed = feed;
    }

    private static final String ID_EXAMPLE = "c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e";

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.VIEWER})
    @Operation(summary = "Communicators changed since", description = "The delta feed offline clients sync from: "
            + "communicators written after the cursor (or at or after a date-time), in write order, never with a "
            + "contact. Pass nextCursor back as updatedSince. A change whose transaction is still running comes on a "
            + "later call, never skipped.")
    @APIResponse(responseCode = "200", description = "One page of changes and the cursor to continue from",
            content = @Content(schema = @Schema(implementation = CommunicatorFeed.Changes.class)))
    @APIResponse(responseCode = "400", description = "Neither a cursor nor a date-time")
    public CommunicatorFeed.Changes changes(
            @QueryParam("updatedSince") @Parameter(description = ChangeFeed.CURSOR_DESCRIPTION, example = "c7391-1042")
            String updatedSince,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000)
            @Parameter(description = "Changes per page, at most 5000", example = "500") int limit) {
        return feed.since(updatedSince, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER})
    @Operation(summary = "Register a communicator", description = "A person who carries the policy to people, "
            + "with their unit and role. The contact is stored apart and never leaves in lists, events or logs.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = CommunicatorView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "Org unit outside the caller's grants")
    @APIResponse(responseCode = "422", description = "Unknown org unit, or a contact without its lawful basis "
            + "(contact.lawfulBasis, or contact.consentTextVersion for CONSENT)")
    public Response register(@Valid @NotNull CommunicatorRequest request, UriInfo uriInfo) {
        CommunicatorView communicator = service.register(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(communicator.id().toString()).build())
                .entity(communicator).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.VIEWER})
    @Operation(summary = "List communicators", description = "Filter by org unit, kind and text of the name or "
            + "role, with or without diacritics; contacts are never listed. JSON pages; or every matching "
            + "communicator as one streamed CSV or XLSX file (format=csv|xlsx, or Accept), same filters and order, "
            + "no paging, without contacts.")
    @APIResponse(responseCode = "200", description = "One page of communicators, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommunicatorPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid filter, paging or format")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds (1,048,575)")
    public Response list(@QueryParam("orgUnit") @Parameter(example = "LC-HOPHAI") String orgUnit,
            @QueryParam("kind") @Parameter(example = "COLLABORATOR") Communicator.Kind kind,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Text of the name or role, with or without "
                    + "diacritics; % and _ are taken literally", example = "luc thi huyen") String text,
            @QueryParam("active") @Parameter(description = "Only active (true) or only deactivated (false) "
                    + "communicators; both when omitted", example = "true") Boolean active,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), CommunicatorExport.FILE_NAME, CommunicatorExport.COLUMNS,
                    service.query(orgUnit, kind, text, active));
        }
        return Response.ok(service.list(orgUnit, kind, text, active, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "CommunicatorPage", description = "One page of communicators, without contacts")
    public record CommunicatorPage(List<CommunicatorView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "12") long totalItems) {
    }

    @GET
    @Path("/{id}/contact-accesses")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.DATA_PROTECTION_OFFICER})
    @Operation(summary = "Audit a communicator's contact", description = "Who read, exported or erased the "
            + "communicator's contact and when, oldest first.")
    @APIResponse(responseCode = "200", description = "The recorded accesses",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AccessView.class)))
    @APIResponse(responseCode = "404", description = "No such communicator")
    public List<AccessView> contactAccesses(
            @PathParam("id") @Parameter(description = "The communicator's id",
                    example = "c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e") UUID id) {
        return service.contactAccesses(id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.VIEWER})
    @Operation(summary = "Get a communicator", description = "With the contact for managers of the "
            + "communicator's unit only; each such read is recorded. The version is the ETag a PUT names in If-Match.")
    @APIResponse(responseCode = "200", description = "The communicator",
            content = @Content(schema = @Schema(implementation = CommunicatorView.class)))
    @APIResponse(responseCode = "404", description = "No such communicator")
    public Response get(
            @PathParam("id") @Parameter(description = "The communicator's id",
                    example = "c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e") UUID id) {
        return tagged(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Update a communicator", description = "Replaces name, kind, unit and role; the contact "
            + "only when one is given (absent, it stays; the change is recorded in the contact's audit). Send the "
            + "ETag read with the communicator in If-Match. A manager of the communicator's unit, and of the new "
            + "unit when it moves.")
    @APIResponse(responseCode = "200", description = "The updated (or unchanged) communicator; with the contact "
            + "only when this request gave one", content = @Content(schema = @Schema(implementation = CommunicatorView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request, or a malformed If-Match")
    @APIResponse(responseCode = "403", description = "The communicator's unit or the new one outside the caller's grants")
    @APIResponse(responseCode = "404", description = "No such communicator")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: read it again")
    @APIResponse(responseCode = "422", description = "Unknown org unit, or a contact without its lawful basis")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response update(
            @PathParam("id") @Parameter(description = "The communicator's id", example = ID_EXAMPLE) UUID id,
            @Valid @NotNull CommunicatorRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The ETag read with the communicator", example = "\"2\"")
            String ifMatch) {
        return tagged(service.update(id, request, IfMatch.required(ifMatch)));
    }

    @POST
    @Path("/{id}/deactivation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Deactivate a communicator", description = "With a reason. The communicator stays readable "
            + "and on the activities that name them; an activity that takes place after the deactivation may not "
            + "name them. Deactivating one already deactivated changes nothing. If-Match is optional.")
    @APIResponse(responseCode = "200", description = "The deactivated communicator",
            content = @Content(schema = @Schema(implementation = CommunicatorView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or a note over 500 characters")
    @APIResponse(responseCode = "403", description = "The communicator's unit outside the caller's grants")
    @APIResponse(responseCode = "404", description = "No such communicator")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response deactivate(
            @PathParam("id") @Parameter(description = "The communicator's id", example = ID_EXAMPLE) UUID id,
            @Valid @NotNull DeactivationRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The ETag read with the communicator", example = "\"2\"")
            String ifMatch) {
        return tagged(deactivation.deactivate(id, request, IfMatch.optional(ifMatch)));
    }

    @POST
    @Path("/{id}/reactivation")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Reactivate a communicator", description = "Makes a deactivated communicator active again, "
            + "to be named on new activities. Reactivating an active one changes nothing. If-Match is optional.")
    @APIResponse(responseCode = "200", description = "The active communicator",
            content = @Content(schema = @Schema(implementation = CommunicatorView.class)))
    @APIResponse(responseCode = "403", description = "The communicator's unit outside the caller's grants")
    @APIResponse(responseCode = "404", description = "No such communicator")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response reactivate(
            @PathParam("id") @Parameter(description = "The communicator's id", example = ID_EXAMPLE) UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag read with the communicator", example = "\"3\"")
            String ifMatch) {
        return tagged(deactivation.reactivate(id, IfMatch.optional(ifMatch)));
    }

    @GET
    @Path("/retraining-due")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.VIEWER})
    @Operation(summary = "Who needs retraining", description = "Active communicators of the unit's subtree whose "
            + "latest certificate has expired or expires within the window, who have no certificate, or who attended "
            + "fewer training hours in the last 12 months than the configured minimum (16 by default); each with its "
            + "reasons. Without a contact. JSON pages, or all as one CSV or XLSX file (format=csv|xlsx, or Accept).")
    @APIResponse(responseCode = "200", description = "One page of communicators due, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetrainingPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "No orgUnit, a window that is not an ISO-8601 period, or "
            + "invalid paging or format")
    @APIResponse(responseCode = "403", description = "The unit outside the caller's grants")
    @APIResponse(responseCode = "422", description = "Unknown org unit")
    public Response retrainingDue(
            @QueryParam("orgUnit") @NotBlank @Size(max = 100)
            @Parameter(description = "The subtree to look in; within the caller's grants", example = "LC") String orgUnit,
            @QueryParam("within") @Parameter(description = "How far ahead an expiry counts, an ISO-8601 period; "
                    + "P90D by default", example = "P90D") String within,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        RetrainingDue.Criteria criteria = retraining.criteria(orgUnit, window(within));
        if (export.isPresent()) {
            int pageSize = 1000;
            return exports.paged(export.get(), "retraining-due", RetrainingDue.COLUMNS, pageSize,
                    page -> retraining.rows(criteria, page, pageSize));
        }
        return Response.ok(retraining.page(criteria, paging.page, paging.size), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "RetrainingDuePage", description = "One page of communicators due for retraining")
    public record RetrainingPage(List<RetrainingDue.Due> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "7") long totalItems) {
    }

    private static Period window(String within) {
        if (within == null || within.isBlank()) {
            return null;
        }
        try {
            Period period = Period.parse(within.strip());
            if (period.isNegative() || period.toTotalMonths() + period.getDays() / 28 > 120) {
                throw ProblemException.badRequest("validation", "within", "must be a period from P0D to P10Y");
            }
            return period;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("validation", "within", "must be an ISO-8601 period such as P90D");
        }
    }

    private static Response tagged(CommunicatorView communicator) {
        return Response.ok(communicator).tag(IfMatch.etag(communicator.version())).build();
    }

    @GET
    @Path("/{id}/activities")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.VIEWER})
    @Operation(summary = "List the activities a communicator ran", description = "Activities that name the "
            + "communicator among those present, latest first.")
    @APIResponse(responseCode = "200", description = "One page of activities")
    @APIResponse(responseCode = "404", description = "No such communicator")
    public PageOf<ActivityView> activities(
            @PathParam("id") @Parameter(description = "The communicator's id",
                    example = "c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e") UUID id,
            @Valid @BeanParam PageRequest paging) {
        return service.activities(id, paging);
    }
}
