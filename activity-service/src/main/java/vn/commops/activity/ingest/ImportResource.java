package vn.commops.activity.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.activity.activity.Reporters;
import vn.commops.common.security.Roles;

@Path("/api/v1/imports")
@Tag(name = "Activity ingestion")
public class ImportResource {

    private final ImportService service;
    private final Reporters reporters;

    ImportResource(ImportService service, Reporters reporters) {
        this.service = service;
        this.reporters = reporters;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, BatchReader.NDJSON, BatchReader.CSV})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.PARTNER})
    @Operation(summary = "Import activities asynchronously", description = "Accepts an upload of any size the "
            + "gateway lets through (JSON array, NDJSON or CSV, as for batches) and works through it in the "
            + "background, 10,000 records per transaction, with the same idempotency and modes as a batch. "
            + "Follow the Location for progress, then download the per-record results.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ActivityRequest.class)),
            @Content(mediaType = BatchReader.NDJSON, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = BatchReader.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "202", description = "Queued; the Location header names the job",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "Empty upload, unknown charset or mode")
    public Response submit(byte[] upload, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("mode") @DefaultValue("per-record")
            @Parameter(description = "dry-run, all-or-nothing or per-record", example = "all-or-nothing") String mode,
            UriInfo uriInfo) {
        ImportJobView job = service.submit(reporters.current(), upload, contentType, Modes.of(mode));
        return Response.accepted(job).type(MediaType.APPLICATION_JSON)
                .location(uriInfo.getAbsolutePathBuilder().path(job.id().toString()).build()).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.PARTNER})
    @Operation(summary = "Get an import's progress", description = "Status, records processed of the total, and "
            + "the counts per outcome so far. Only the submitter and national admins see a job.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "404", description = "No such job (or not yours)")
    public ImportJobView get(
            @PathParam("id") @Parameter(description = "The import job's id",
                    example = "0f8e7d6c-5b4a-4938-a7b6-c5d4e3f2a1b0") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/results")
    @Produces({BatchReader.NDJSON, BatchReader.CSV})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.PARTNER})
    @Operation(summary = "Download an import's results", description = "One result per record, in upload order: "
            + "index, outcome (CREATED, UNCHANGED, CORRECTED, CONFLICT, REJECTED), activity id, externalId, "
            + "clientId, revision, problem and the fields at fault. NDJSON, or CSV with format=csv or Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The results",
            content = {@Content(mediaType = BatchReader.NDJSON, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = BatchReader.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such job (or not yours)")
    @APIResponse(responseCode = "409", description = "The job is not done yet")
    public Response results(
            @PathParam("id") @Parameter(description = "The import job's id",
                    example = "0f8e7d6c-5b4a-4938-a7b6-c5d4e3f2a1b0") UUID id,
            @QueryParam("format") @Parameter(description = "ndjson (default) or csv", example = "csv") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean csv = "csv".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.toLowerCase().startsWith(BatchReader.CSV));
        // Written to memory first, so that a missing or unfinished job still answers with a problem.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            service.writeResults(id, csv, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StreamingOutput body = stream -> out.writeTo(stream);
        return Response.ok(body, csv ? BatchReader.CSV + "; charset=UTF-8" : BatchReader.NDJSON + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-results." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }
}
