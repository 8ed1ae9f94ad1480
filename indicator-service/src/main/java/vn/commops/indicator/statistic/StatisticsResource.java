package vn.commops.indicator.statistic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageRequest;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;

@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Figures no activity carries (labour force, population, participants), "
        + "reported per unit and period")
public class StatisticsResource {

    private static final String CSV = "text/csv";

    private final StatisticsService service;
    private final ObjectMapper json;
    private final Caller caller;
    private final Exports exports;

    StatisticsResource(StatisticsService service, ObjectMapper json, Caller caller, Exports exports) {
        this.service = service;
        this.json = json;
        this.caller = caller;
        this.exports = exports;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Upload reported statistics",
            description = "A JSON array of rows, or CSV with the header orgUnit,dataElement,period,value. Each row is "
                    + "stored by its unit, data element and period: the same value again is UNCHANGED, a new one "
                    + "UPDATED, so a retried upload is harmless. A row that is invalid or for a unit outside the "
                    + "caller's grants is REJECTED with its reasons; the other rows still apply.")
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.ARRAY, implementation = StatisticRow.class),
                examples = @ExampleObject(name = "coverage2022", value = """
                        [{"orgUnit":"VN","dataElement":"LABOUR_FORCE","period":"2022","value":45960000},
                         {"orgUnit":"VN","dataElement":"SOCIAL_INSURANCE_PARTICIPANTS","period":"2022","value":17500000}]
                        """)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "coverage2022csv", value = """
                        orgUnit,dataElement,period,value
                        VN,POPULATION,2022,96850000
                        VN,HEALTH_INSURANCE_PARTICIPANTS,2022,91074000
                        """))})
    @APIResponse(responseCode = "200", description = "What happened to each row",
            content = @Content(schema = @Schema(implementation = UploadReport.class)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of rows nor CSV with the header")
    public UploadReport upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        List<StatisticRow> rows = contentType != null && contentType.toLowerCase().startsWith(CSV)
                ? StatisticsCsv.read(body)
                : parseJson(body);
        return service.upload(rows, caller);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List reported statistics", description = "Stored figures, by unit, data element and period. "
            + "JSON pages; or every matching figure as one streamed CSV or XLSX file (format=csv|xlsx, or Accept), "
            + "same filters and order, no paging.")
    @APIResponse(responseCode = "200", description = "One page of figures, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatisticPage.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid paging or format")
    public Response list(
            @QueryParam("orgUnit") @Parameter(example = "VN") String orgUnit,
            @QueryParam("dataElement") @Parameter(example = "LABOUR_FORCE") String dataElement,
            @QueryParam("period") @Parameter(example = "2022") String period,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.paged(export.get(), StatisticExport.FILE_NAME, StatisticExport.COLUMNS,
                    StatisticExport.PAGE_SIZE,
                    index -> service.page(orgUnit, dataElement, period, index, StatisticExport.PAGE_SIZE));
        }
        return Response.ok(service.list(orgUnit, dataElement, period, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "StatisticPage", description = "One page of reported figures")
    public record StatisticPage(List<StatisticView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "12") long totalItems) {
    }

    private List<StatisticRow> parseJson(String body) {
        try {
            StatisticRow[] rows = json.readValue(body == null || body.isBlank() ? "null" : body, StatisticRow[].class);
            if (rows == null) {
                throw ProblemException.badRequest("invalid-upload", "body", "send a JSON array of rows");
            }
            return Arrays.asList(rows);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("invalid-upload", "body",
                    "not a JSON array of {orgUnit, dataElement, period, value}: " + e.getOriginalMessage());
        }
    }
}
