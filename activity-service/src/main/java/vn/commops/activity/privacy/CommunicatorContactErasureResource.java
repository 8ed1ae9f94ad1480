package vn.commops.activity.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import vn.commops.common.privacy.ErasureCause;
import vn.commops.common.security.Roles;
import vn.commops.activity.privacy.PrivacyViews.ErasureRequest;
import vn.commops.activity.privacy.PrivacyViews.ErasureView;

@Path("/api/v1/communicators/contact-erasures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communicator personal data", description = "Communicators' contacts under Decree 13/2023/ND-CP: "
        + "erasure, retention and subject access, every step audited")
public class CommunicatorContactErasureResource {

    private final ContactErasures erasures;

    CommunicatorContactErasureResource(ContactErasures erasures) {
        this.erasures = erasures;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_PROTECTION_OFFICER, Roles.NATIONAL_ADMIN})
    @Operation(summary = "Erase a person's communicator contacts", description = "Replaces every contact that names the "
            + "identifier (or the contact of one communicator); the communicator and their activities stay. The erasure "
            + "is recorded with who and why, and per contact in its audit; the record keeps no personal data.")
    @APIResponse(responseCode = "201", description = "Erased (possibly none: nothing was held)",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of identifier and communicatorId, or no reason")
    @APIResponse(responseCode = "422", description = "Not a phone number or an e-mail address, or an unknown communicator")
    public Response erase(@Valid @NotNull ErasureRequest request, UriInfo uriInfo) {
        ErasureView erasure = erasures.erase(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(erasure.id().toString()).build())
                .entity(erasure).build();
    }

    @GET
    @RolesAllowed({Roles.DATA_PROTECTION_OFFICER, Roles.NATIONAL_ADMIN})
    @Operation(summary = "List communicator contact erasures", description = "Requested and retention erasures, newest first.")
    @APIResponse(responseCode = "200", description = "One page of erasures")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public PageOf<ErasureView> list(@QueryParam("cause") @Parameter(example = "REQUEST") ErasureCause cause,
            @Valid @BeanParam PageRequest paging) {
        return erasures.list(cause, paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DATA_PROTECTION_OFFICER, Roles.NATIONAL_ADMIN})
    @Operation(summary = "Get a communicator contact erasure", description = "Who erased how many contacts, when "
            + "and why; never whose.")
    @APIResponse(responseCode = "200", description = "The erasure",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "404", description = "No such erasure")
    public ErasureView get(@PathParam("id") @Parameter(description = "The erasure's id",
            example = "0f1e2d3c-4b5a-4968-8776-655443322110") UUID id) {
        return erasures.get(id);
    }
}
