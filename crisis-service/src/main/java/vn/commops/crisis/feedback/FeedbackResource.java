package vn.commops.crisis.feedback;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageRequest;
import vn.commops.common.csv.Csv;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.security.Roles;
import vn.commops.common.sync.ChangeFeed;
import vn.commops.crisis.classification.Sentiment;

@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "What people say to and about the agency, from every channel")
public class FeedbackResource {

    private final FeedbackService service;
    private final FeedbackIntake intake;
    private final ContactService contacts;
    private final Exports exports;
    private final FeedbackFeed feed;

    FeedbackResource(FeedbackService service, FeedbackIntake intake, ContactService contacts, Exports exports,
            FeedbackFeed feed) {
        this.feed = feed;
        this.service = service;
        this.intake = intake;
        this.contacts = contacts;
        this.exports = exports;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST})
    @Operation(summary = "Submit feedback", description = "Takes one feedback item. The same Idempotency-Key, or "
            + "the same channel and sourceId, returns the item already stored.")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "200", description = "Already stored: the earlier item",
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "422", description = "Unknown org unit, or a contact without its lawful basis "
            + "(lawfulBasis, or consentTextVersion for CONSENT)")
    public Response submit(@Valid @NotNull FeedbackRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200)
            @Parameter(description = "Client-chosen key that makes retries safe",
                    example = "hotline-lc-call-88213") String idempotencyKey,
            UriInfo uriInfo) {
        FeedbackService.Submitted submitted = service.submit(request, idempotencyKey);
        FeedbackView feedback = submitted.feedback();
        return (submitted.isNew()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(feedback.id().toString()).build())
                : Response.ok()).entity(feedback).build();
    }

    @POST
    @Path("/batches")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST})
    @Operation(summary = "Submit a batch of feedback", description = "For monitoring tools: up to 5,000 items, each "
            + "with the source's own id (sourceId). An item whose channel and sourceId are already stored is a "
            + "DUPLICATE and changes nothing; an invalid item is REJECTED with its fields named and stores nothing; "
            + "the others are CREATED. Sending the same batch again is safe.")
    @APIResponse(responseCode = "200", description = "What became of each item",
            content = @Content(schema = @Schema(implementation = FeedbackBatchResult.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON array, or more than 5,000 items")
    public FeedbackBatchResult submitBatch(@NotNull @Size(max = 5_000) List<FeedbackRequest> items) {
        return intake.submitBatch(items);
    }

    @GET
    @Path("/{id}/contact")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Read a person's contact", description = "The contact the person left, to call or write "
            + "back, with why it may be kept. Personal data: only national administrators and crisis analysts may "
            + "read it, and every read is recorded with who and when. Once erased, the contact is a tombstone.")
    @APIResponse(responseCode = "200", description = "The contact",
            content = @Content(schema = @Schema(implementation = ContactService.ContactView.class)))
    @APIResponse(responseCode = "404", description = "No such item, or no contact on file")
    public ContactService.ContactView contact(
            @PathParam("id") @Parameter(description = "The feedback item's id",
                    example = "2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e") UUID id) {
        return contacts.contactOf(id);
    }

    @GET
    @Path("/{id}/contact-accesses")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.DATA_PROTECTION_OFFICER})
    @Operation(summary = "Audit reads of a person's contact", description = "Who read, exported or erased the "
            + "contact of this item and when, oldest first.")
    @APIResponse(responseCode = "200", description = "The recorded reads",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ContactService.AccessView.class)))
    @APIResponse(responseCode = "404", description = "No such item")
    public List<ContactService.AccessView> contactAccesses(
            @PathParam("id") @Parameter(description = "The feedback item's id",
                    example = "2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e") UUID id) {
        return contacts.accessesTo(id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a feedback item", description = "The item; the person's contact is never returned here.")
    @APIResponse(responseCode = "200", description = "The item, without the person's contact",
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "404", description = "No such item")
    public FeedbackView get(
            @PathParam("id") @Parameter(description = "The feedback item's id",
                    example = "2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Feedback changed since", description = "The delta feed offline clients sync from: items "
            + "written after the cursor (or at or after a date-time), in write order, never with a contact. Pass nextCursor back as "
            + "updatedSince. A change whose transaction is still running comes on a later call, never skipped.")
    @APIResponse(responseCode = "200", description = "One page of changes and the cursor to continue from",
            content = @Content(schema = @Schema(implementation = FeedbackFeed.Changes.class)))
    @APIResponse(responseCode = "400", description = "Neither a cursor nor a date-time")
    public FeedbackFeed.Changes changes(
            @QueryParam("updatedSince") @Parameter(description = ChangeFeed.CURSOR_DESCRIPTION, example = "c7391-1042")
            String updatedSince,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000)
            @Parameter(description = "Changes per page, at most 5000", example = "500") int limit) {
        return feed.since(updatedSince, limit);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List feedback", description = "Newest first; filter by channel, org unit, text, topic, "
            + "sentiment and the false-information flag. Contacts are never listed. JSON pages; or every matching "
            + "item as one streamed CSV or XLSX file (format=csv|xlsx, or Accept), same filters and order, no paging.")
    @APIResponse(responseCode = "200", description = "One page of feedback, or all of it as a file; never contacts",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackPage.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid filter, paging, sort or format")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds (1,048,575)")
    public Response list(
            @QueryParam("channel") @Parameter(example = "SOCIAL_MEDIA") FeedbackChannel channel,
            @QueryParam("orgUnit") @Parameter(example = "LC") String orgUnit,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Text, with or without diacritics; % and _ are "
                    + "taken literally", example = "rut bhxh mot lan")
            String query,
            @QueryParam("topic") @Parameter(example = "FALSE_INFORMATION") String topic,
            @QueryParam("sentiment") @Parameter(example = "NEGATIVE") Sentiment sentiment,
            @QueryParam("falseInformation") @Parameter(example = "true") Boolean falseInformation,
            @QueryParam("cluster") @Parameter(description = "Only the items of this cluster",
                    example = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d")
            UUID cluster,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        FeedbackService.FeedbackFilter filter = new FeedbackService.FeedbackFilter(channel, orgUnit, query, topic,
                sentiment, falseInformation, cluster);
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), FeedbackExport.FILE_NAME, FeedbackExport.COLUMNS,
                    service.query(filter, paging.sort));
        }
        return Response.ok(service.list(filter, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "FeedbackPage", description = "One page of feedback")
    public record FeedbackPage(List<FeedbackView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "120") long totalItems) {
    }
}
