package vn.commops.activity.communicator;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.activity.communicator.CommunicatorViews.TrainingRequest;
import vn.commops.activity.communicator.CommunicatorViews.TrainingView;
import vn.commops.common.api.PageRequest;
import vn.commops.common.csv.Csv;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.security.Roles;

@Path("/api/v1/trainings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communicators")
public class TrainingResource {

    private final TrainingService service;
    private final Exports exports;

    TrainingResource(TrainingService service, Exports exports) {
        this.service = service;
        this.exports = exports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Record a training", description = "A training of communicators: topic, kind, the "
            + "registered key lecturer who gave it, date, hours, the unit that held it, and each participant's "
            + "attendance and certificate. A certificate is valid from its issue day for the period configured "
            + "for the training's kind. Retrying with the same clientId returns the first recording.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same clientId: the first recording",
            content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "Org unit outside the caller's grants")
    @APIResponse(responseCode = "409", description = "The clientId names a training with other content")
    @APIResponse(responseCode = "422", description = "Unknown org unit; lecturerId not an active registered key "
            + "lecturer; a participant unknown or named twice; a certificate for someone absent, issued before the "
            + "training, or whose number was already given")
    public Response record(@Valid @NotNull TrainingRequest request, UriInfo uriInfo) {
        TrainingService.Recorded recorded = service.record(request);
        TrainingView training = recorded.training();
        return (recorded.isNew()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(training.id().toString()).build())
                : Response.ok()).entity(training).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.VIEWER})
    @Operation(summary = "List trainings", description = "Filter by org unit, by a communicator who took part or by "
            + "the key lecturer who gave them; latest first. JSON pages; or every matching training as one streamed "
            + "CSV or XLSX file (format=csv|xlsx, or Accept), same filters and order, no paging, one row per training "
            + "with its attendees' ids (certificates stay in the training's JSON).")
    @APIResponse(responseCode = "200", description = "One page of trainings, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid filter, paging or format")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds (1,048,575)")
    public Response list(@QueryParam("orgUnit") @Parameter(example = "LC") String orgUnit,
            @QueryParam("attendee") @Parameter(description = "A communicator's id",
                    example = "c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e")
            UUID attendee,
            @QueryParam("lecturer") @Parameter(description = "A key lecturer's communicator id",
                    example = "a9c3e5f7-1b2d-4e6f-8a0b-c2d4e6f8a0b1")
            UUID lecturer,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), TrainingExport.FILE_NAME, TrainingExport.COLUMNS,
                    () -> service.query(orgUnit, attendee, lecturer));
        }
        return Response.ok(service.trainings(orgUnit, attendee, lecturer, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "TrainingPage", description = "One page of trainings")
    public record TrainingPage(List<TrainingView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "14") long totalItems) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.VIEWER})
    @Operation(summary = "Get a training", description = "The training with its participants and their certificates.")
    @APIResponse(responseCode = "200", description = "The training",
            content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "404", description = "No such training")
    public TrainingView get(
            @PathParam("id") @Parameter(description = "The training's id",
                    example = "a3b8d1c4-7e2f-4a6b-9c0d-1e2f3a4b5c6d") UUID id) {
        return service.training(id);
    }
}
