package vn.commops.crisis.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;
import vn.commops.crisis.privacy.PrivacyViews.SubjectAccessExport;
import vn.commops.crisis.privacy.PrivacyViews.SubjectAccessRequest;

@Path("/api/v1/feedback/subject-access-exports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback personal data")
public class FeedbackSubjectAccessResource {

    private final SubjectAccessExports exports;

    FeedbackSubjectAccessResource(SubjectAccessExports exports) {
        this.exports = exports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_PROTECTION_OFFICER, Roles.NATIONAL_ADMIN})
    @Operation(summary = "Export what is held about a person", description = "For a subject access request: every "
            + "contact that names the phone number or e-mail address, with the feedback, the lawful basis, until "
            + "when it is kept and every recorded access, plus earlier erasures for the same person. The "
            + "identifier goes in the body so that it stays out of access logs; each contact exported is audited.")
    @APIResponse(responseCode = "200", description = "What is held (possibly nothing)",
            content = @Content(schema = @Schema(implementation = SubjectAccessExport.class)))
    @APIResponse(responseCode = "400", description = "No identifier")
    @APIResponse(responseCode = "422", description = "Not a phone number or an e-mail address")
    public SubjectAccessExport export(@Valid @NotNull SubjectAccessRequest request) {
        return exports.export(request.identifier());
    }
}
