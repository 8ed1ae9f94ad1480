package vn.commops.activity.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.activity.activity.VerificationStatus;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.security.Roles;

@Path("/api/v1/verification-queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Verification", description = "Four-eyes verification: evidence rules, review queues, sampled review")
public class VerificationQueueResource {

    private final VerificationQueue queue;

    VerificationQueueResource(VerificationQueue queue) {
        this.queue = queue;
    }

    @Schema(name = "VerificationQueuePage", description = "One page of the review queue")
    public record QueuePage(java.util.List<VerificationQueue.QueueItem> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "120") long totalItems) {
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Review queue of a unit", description = "Activities of the unit and every unit below it "
            + "awaiting a decision, oldest first, leaving out those the caller may not decide (reported or "
            + "corrected by them, or reported by their own unit for itself), each with whether its evidence meets "
            + "its form's rule.")
    @APIResponse(responseCode = "200", description = "One page of the queue",
            content = @Content(schema = @Schema(implementation = QueuePage.class)))
    @APIResponse(responseCode = "400", description = "No org unit, or invalid paging or status")
    @APIResponse(responseCode = "403", description = "The org unit is outside the caller's grants")
    @APIResponse(responseCode = "404", description = "No such org unit")
    public PageOf<VerificationQueue.QueueItem> queue(
            @QueryParam("orgUnit") @NotBlank @Size(max = 64) @Parameter(description = "The unit whose subtree to review",
                    example = "LC") String orgUnit,
            @QueryParam("verificationStatus") @DefaultValue("REPORTED") @Parameter(description = "REPORTED (awaiting "
                    + "a first decision) or NEEDS_INFORMATION", example = "REPORTED") VerificationStatus status,
            @Valid @BeanParam PageRequest paging) {
        return queue.queue(orgUnit, status, paging);
    }
}
