package vn.commops.activity.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.IfMatch;
import vn.commops.common.security.Roles;

@Path("/api/v1/verification-rules")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Verification", description = "Four-eyes verification: evidence rules, review queues, sampled review")
public class VerificationRuleResource {

    private final VerificationRules rules;

    VerificationRuleResource(VerificationRules rules) {
        this.rules = rules;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.VIEWER, Roles.PARTNER})
    @Operation(summary = "List the evidence rules", description = "What evidence a verification needs, per form; "
            + "a form not listed needs none.")
    @APIResponse(responseCode = "200", description = "Every rule, by form")
    public List<VerificationRules.RuleView> list() {
        return rules.list();
    }

    @PUT
    @Path("/{form}")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Set a form's evidence rule", description = "Creates or replaces the rule; the same rule "
            + "again changes nothing. Applies to decisions from now on; decided activities keep their decision.")
    @APIResponse(responseCode = "200", description = "The rule, replaced or unchanged",
            content = @Content(schema = @Schema(implementation = VerificationRules.RuleView.class)))
    @APIResponse(responseCode = "201", description = "The rule, created",
            content = @Content(schema = @Schema(implementation = VerificationRules.RuleView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid rule")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "No such form")
    public Response put(
            @PathParam("form") @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}", message = "must be an activity form code")
            @Parameter(description = "The form's code", example = "SMALL_GROUP") String form,
            @Valid @NotNull VerificationRules.RuleRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The ETag read with the rule", example = "\"1\"")
            String ifMatch) {
        VerificationRules.Saved saved = rules.put(form, request, IfMatch.optional(ifMatch));
        return Response.status(saved.created() ? 201 : 200).entity(saved.rule())
                .tag(new EntityTag(Integer.toString(saved.rule().version()))).build();
    }
}
