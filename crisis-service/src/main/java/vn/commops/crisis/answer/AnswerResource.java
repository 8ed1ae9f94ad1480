package vn.commops.crisis.answer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;

@Path("/api/v1/feedback/{id}/answers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback answers", description = "Replies owed to people who gave feedback, with deadlines")
public class AnswerResource {

    private final AnswerService service;

    AnswerResource(AnswerService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST})
    @Operation(summary = "Owe or give an answer", description = "Records that the item is to be answered by a "
            + "deadline (PENDING, OVERDUE once it passes) or, with text, that it was answered now (ANSWERED). Offices "
            + "answer feedback of their units, analysts any.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The item's org unit is not among yours")
    @APIResponse(responseCode = "404", description = "No such item")
    public Response open(
            @PathParam("id") @Parameter(description = "The feedback item's id",
                    example = "2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e") UUID id,
            @Valid @NotNull AnswerRequest request,
            UriInfo uriInfo) {
        AnswerView answer = service.open(id, request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(answer.id().toString()).build())
                .entity(answer).build();
    }

    @PUT
    @Path("/{answerId}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST})
    @Operation(summary = "Give an owed answer", description = "Records the answer's text; it is then ANSWERED.")
    @APIResponse(responseCode = "200", description = "Answered",
            content = @Content(schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The item's org unit is not among yours")
    @APIResponse(responseCode = "404", description = "No such item or answer")
    @APIResponse(responseCode = "409", description = "Already answered")
    public AnswerView answer(
            @PathParam("id") @Parameter(description = "The feedback item's id",
                    example = "2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e") UUID id,
            @PathParam("answerId") @Parameter(description = "The answer's id",
                    example = "1a2b3c4d-5e6f-4708-9a1b-2c3d4e5f6a7b") UUID answerId,
            @Valid @NotNull AnswerTextRequest request) {
        return service.answer(id, answerId, request);
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List an item's answers", description = "Oldest first, with their status now.")
    @APIResponse(responseCode = "200", description = "The answers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AnswerView.class)))
    @APIResponse(responseCode = "404", description = "No such item")
    public List<AnswerView> ofFeedback(
            @PathParam("id") @Parameter(description = "The feedback item's id",
                    example = "2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e") UUID id) {
        return service.of(id);
    }
}
