package vn.commops.crisis.answer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageRequest;
import vn.commops.common.csv.Csv;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.security.Roles;

/** The answers owed across all feedback: what is due and what is late. */
@Path("/api/v1/feedback/answers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback answers")
public class AnswerQueueResource {

    private final AnswerService service;
    private final Exports exports;

    AnswerQueueResource(AnswerService service, Exports exports) {
        this.service = service;
        this.exports = exports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List answers by status", description = "PENDING (default) and OVERDUE by deadline, the "
            + "most urgent first; ANSWERED newest first. JSON pages; or every answer in the status as one streamed "
            + "CSV or XLSX file (format=csv|xlsx, or Accept), same order, no paging.")
    @APIResponse(responseCode = "200", description = "One page of answers, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid status, paging or format")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds (1,048,575)")
    public Response list(@QueryParam("status") @Parameter(example = "OVERDUE") AnswerStatus status,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            OffsetDateTime now = OffsetDateTime.now();
            return exports.response(export.get(), AnswerExport.FILE_NAME, AnswerExport.columns(now),
                    service.query(status, now));
        }
        return Response.ok(service.list(status, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "FeedbackAnswerPage", description = "One page of answers")
    public record AnswerPage(List<AnswerView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "9") long totalItems) {
    }
}
