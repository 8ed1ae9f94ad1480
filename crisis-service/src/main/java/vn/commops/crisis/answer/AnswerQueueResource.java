package vn.commops.crisis.answer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.security.Roles;

/** The answers owed across all feedback: what is due and what is late. */
@Path("/api/v1/feedback/answers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback answers")
public class AnswerQueueResource {

    private final AnswerService service;

    AnswerQueueResource(AnswerService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List answers by status", description = "PENDING (default) and OVERDUE by deadline, the "
            + "most urgent first; ANSWERED newest first.")
    @APIResponse(responseCode = "200", description = "One page of answers")
    @APIResponse(responseCode = "400", description = "Invalid status or paging")
    public PageOf<AnswerView> list(@QueryParam("status") @Parameter(example = "OVERDUE") AnswerStatus status,
            @Valid @BeanParam PageRequest paging) {
        return service.list(status, paging);
    }
}
