package vn.commops.activity.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.activity.bulk.ActivityWriter;
import vn.commops.activity.activity.Reporters;
import vn.commops.common.security.Roles;

@Path("/api/v1/activities/batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity ingestion", description = "Batches and imports of activities from offices, mobile clients and "
        + "partners: idempotent by the reporter's own record ids, with a result per record")
public class BatchResource {

    /** Larger uploads go to the asynchronous import. */
    public static final int MAX_RECORDS = 10_000;

    private final BatchReader reader;
    private final ActivityWriter writer;
    private final Reporters reporters;

    BatchResource(BatchReader reader, ActivityWriter writer, Reporters reporters) {
        this.reader = reader;
        this.writer = writer;
        this.reporters = reporters;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, BatchReader.NDJSON, BatchReader.CSV})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.PARTNER})
    @Operation(summary = "Record a batch of activities", description = "Up to 10,000 activities as a JSON array, "
            + "NDJSON or CSV (header row of field names; communicatorIds separated by ';'; one evidence item as "
            + "evidenceUrl, evidenceSha256, evidenceCapturedAt; a file uploaded to /api/v1/evidence-files named by "
            + "its sha256 alone, with no url, is attached to the record's activity; a breakdown count as a column named "
            + "<measure>.<sex|age|group>.<category>, e.g. attendance.sex.FEMALE, attendance.age.15_24, "
            + "attendance.group.STUDENTS, newSocialInsurance.group.FREELANCE_WORKERS). Records with the same externalId (per partner, or "
            + "per org unit for offices) or clientId as a stored one are unchanged when their content is the same, "
            + "a conflict when it differs, unless marked \"correction\": true, which makes a new revision. "
            + "mode=per-record writes the good records, all-or-nothing writes nothing if any record fails (422), "
            + "dry-run only reports. Any record outside the caller's grants refuses the whole batch (403).")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ActivityRequest.class)),
            // No example here: the OpenAPI reader would parse the first line as JSON and type it an object.
            @Content(mediaType = BatchReader.NDJSON, schema = @Schema(type = SchemaType.STRING,
                    description = "One ActivityRequest as JSON per line")),
            @Content(mediaType = BatchReader.CSV, schema = @Schema(type = SchemaType.STRING),
                    example = "externalId,orgUnitCode,form,title,startedAt,attendance\n"
                            + "A-1,LC-HOPHAI,SMALL_GROUP,Nhóm nhỏ thôn Hồ Phai,2024-05-13T08:00:00+07:00,35")})
    @APIResponse(responseCode = "200", description = "The result of every record",
            content = @Content(schema = @Schema(implementation = BatchReport.class)))
    @APIResponse(responseCode = "400", description = "The body is not the announced format, or an unknown mode")
    @APIResponse(responseCode = "403", description = "A record outside the caller's grants; nothing was stored")
    @APIResponse(responseCode = "413", description = "More than 10,000 records")
    @APIResponse(responseCode = "422", description = "All-or-nothing with failed records: nothing was stored",
            content = @Content(schema = @Schema(implementation = BatchReport.class)))
    public Response record(InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("mode") @DefaultValue("per-record")
            @Parameter(description = "dry-run, all-or-nothing or per-record", example = "dry-run") String mode,
            @QueryParam("report") @DefaultValue("all")
            @Parameter(description = "all: a result per record; failures: only rejected and conflicting ones",
                    example = "failures")
            String report) {
        ActivityWriter.Mode writeMode = Modes.of(mode);
        List<ActivityWriter.Submitted> records = reader.read(body, contentType, MAX_RECORDS);
        ActivityWriter.Written written = writer.write(reporters.current(), records, writeMode, false);
        BatchReport batch = BatchReport.of(writeMode, written, "failures".equalsIgnoreCase(report));
        int status = writeMode == ActivityWriter.Mode.ALL_OR_NOTHING && !written.applied() ? 422 : 200;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(batch).build();
    }
}
