package vn.commops.crisis.feedback;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.security.Roles;
import vn.commops.crisis.classification.Sentiment;

@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "What people say to and about the agency, from every channel")
public class FeedbackResource {

    private final FeedbackService service;
    private final FeedbackIntake intake;
    private final ContactService contacts;

    FeedbackResource(FeedbackService service, FeedbackIntake intake, ContactService contacts) {
        this.service = service;
        this.intake = intake;
        this.contacts = contacts;
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
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List feedback", description = "Newest first; filter by channel, org unit, text, topic, "
            + "sentiment and the false-information flag. Contacts are never listed.")
    @APIResponse(responseCode = "200", description = "One page of feedback, without contacts")
    @APIResponse(responseCode = "400", description = "Invalid filter, paging or sort")
    public PageOf<FeedbackView> list(
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
            @Valid @BeanParam PageRequest paging) {
        return service.list(new FeedbackService.FeedbackFilter(channel, orgUnit, query, topic, sentiment,
                falseInformation, cluster), paging);
    }
}
