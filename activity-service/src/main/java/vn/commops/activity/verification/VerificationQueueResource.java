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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.activity.activity.VerificationStatus;
import vn.commops.common.api.PageRequest;
import vn.commops.common.csv.Csv;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.security.Roles;

@Path("/api/v1/verification-queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Verification", description = "Four-eyes verification: evidence rules, review queues, sampled review")
public class VerificationQueueResource {

    private final VerificationQueue queue;
    private final Exports exports;

    VerificationQueueResource(VerificationQueue queue, Exports exports) {
        this.queue = queue;
        this.exports = exports;
    }

    @Schema(name = "VerificationQueuePage", description = "One page of the review queue")
    public record QueuePage(java.util.List<VerificationQueue.QueueItem> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "120") long totalItems) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Review queue of a unit", description = "Activities of the unit and every unit below it "
            + "awaiting a decision, oldest first, leaving out those the caller may not decide (reported or "
            + "corrected by them, or reported by their own unit for itself), each with whether its evidence meets "
            + "its form's rule. JSON pages; or the whole queue as one streamed CSV or XLSX file (format=csv|xlsx, "
            + "or Accept), computed a page at a time, same filters and order, no paging: the activity's main "
            + "fields, who reported it, meetsEvidenceRule and evidenceMissing.")
    @APIResponse(responseCode = "200", description = "One page of the queue, or all of it as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuePage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "No org unit, or invalid paging, status or format")
    @APIResponse(responseCode = "403", description = "The org unit is outside the caller's grants")
    @APIResponse(responseCode = "404", description = "No such org unit")
    public Response queue(
            @QueryParam("orgUnit") @NotBlank @Size(max = 64) @Parameter(description = "The unit whose subtree to review",
                    example = "LC") String orgUnit,
            @QueryParam("verificationStatus") @DefaultValue("REPORTED") @Parameter(description = "REPORTED (awaiting "
                    + "a first decision) or NEEDS_INFORMATION", example = "REPORTED") VerificationStatus status,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        VerificationQueue.Criteria criteria = queue.criteria(orgUnit, status);
        if (export.isPresent()) {
            return exports.paged(export.get(), VerificationQueueExport.FILE_NAME, VerificationQueueExport.COLUMNS,
                    VerificationQueueExport.PAGE_SIZE,
                    index -> queue.items(criteria, index, VerificationQueueExport.PAGE_SIZE));
        }
        return Response.ok(queue.queue(criteria, paging), MediaType.APPLICATION_JSON).build();
    }
}
