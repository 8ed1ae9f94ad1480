package vn.commops.activity.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;

/**
 * Photos, videos and documents of an activity. The upload is the raw file with its Content-Type (no multipart):
 * what a phone's HTTP client sends most simply, streamed to storage without a form parser in between.
 */
@Path("/api/v1/activities/{id}/evidence-files")
@Tag(name = "Evidence files", description = "Photos, videos and documents that show an activity happened")
public class ActivityEvidenceResource {

    static final String SHA256 = "[0-9a-f]{64}";

    private final EvidenceUploads uploads;
    private final EvidenceAttachments attachments;
    private final EvidenceFiles files;

    ActivityEvidenceResource(EvidenceUploads uploads, EvidenceAttachments attachments, EvidenceFiles files) {
        this.uploads = uploads;
        this.attachments = attachments;
        this.files = files;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.PARTNER})
    @Operation(summary = "Attach a file to an activity", description = "The body is the file itself (JPEG, PNG, "
            + "WebP, HEIC, MP4 or PDF), recognised by its content, not by its name or declared type. Photos and "
            + "documents up to 20 MB, videos up to 200 MB (and the HTTP body limit, 50 MB by default). The file is "
            + "stored once per content (its SHA-256) and appended to the activity's evidence; a photo's EXIF time "
            + "and position are compared with the activity's (findings, never a refusal). Sending the same file "
            + "again attaches nothing more. Allowed to whoever may correct the activity.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/heic", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Attached",
            content = @Content(schema = @Schema(implementation = EvidenceFileView.class)))
    @APIResponse(responseCode = "200", description = "Already attached: the file as attached first",
            content = @Content(schema = @Schema(implementation = EvidenceFileView.class)))
    @APIResponse(responseCode = "400", description = "Empty body, or a malformed X-Content-SHA256")
    @APIResponse(responseCode = "403", description = "Outside the caller's grants, or another partner's record")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "The activity was withdrawn")
    @APIResponse(responseCode = "413", description = "Larger than its kind's limit; nothing stored")
    @APIResponse(responseCode = "415", description = "Content of no accepted type, or not the declared Content-Type")
    @APIResponse(responseCode = "422", description = "The content's SHA-256 is not the X-Content-SHA256 announced; "
            + "nothing stored")
    public Response attach(
            @PathParam("id") @Parameter(description = "The activity's id",
                    example = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID id,
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(example = "image/jpeg") String contentType,
            @HeaderParam(EvidenceUploads.SHA256_HEADER) @Parameter(description = "The file's SHA-256 as the client "
                    + "computed it, hex; checked against what arrives",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @Context UriInfo uriInfo) {
        attachments.requireAttachable(id);
        try (EvidenceUploads.Received received = uploads.receive(body, contentType, sha256)) {
            EvidenceAttachments.Attached attached = attachments.attach(id, received);
            Response.ResponseBuilder response = attached.isNew()
                    ? Response.created(uriInfo.getAbsolutePathBuilder().path(attached.file().sha256()).build())
                    : Response.ok();
            return response.type(MediaType.APPLICATION_JSON).entity(attached.file()).build();
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER,
            Roles.PARTNER})
    @Operation(summary = "List an activity's files", description = "Oldest first, each with its EXIF capture time "
            + "and position and how they agree with the activity (timeMatches, distanceKm, positionMatches).")
    @APIResponse(responseCode = "200", description = "The files",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceFileView.class)))
    @APIResponse(responseCode = "403", description = "A partner asking for an activity outside its grants")
    @APIResponse(responseCode = "404", description = "No such activity")
    public List<EvidenceFileView> list(
            @PathParam("id") @Parameter(description = "The activity's id",
                    example = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID id) {
        return attachments.list(id);
    }

    @GET
    @Path("/{sha256}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER,
            Roles.PARTNER})
    @Operation(summary = "Download a file", description = "The file as uploaded, with its media type; its ETag is "
            + "its SHA-256, so it never changes and If-None-Match answers 304.")
    @APIResponse(responseCode = "200", description = "The content",
            content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "If-None-Match names this file")
    @APIResponse(responseCode = "403", description = "A partner asking for an activity outside its grants")
    @APIResponse(responseCode = "404", description = "No such activity, or no such file attached to it")
    public Response content(
            @PathParam("id") @Parameter(description = "The activity's id",
                    example = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID id,
            @PathParam("sha256") @Pattern(regexp = SHA256, message = "must be a lower-case hex SHA-256")
            @Parameter(description = "The file's SHA-256",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(example = "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"")
            String ifNoneMatch) {
        EvidenceFile file = attachments.readableFile(id, sha256);
        EntityTag tag = new EntityTag(file.sha256);
        if (ifNoneMatch != null && ifNoneMatch.contains(file.sha256)) {
            return Response.notModified(tag).build();
        }
        StreamingOutput content = out -> {
            try (InputStream in = files.open(file.sha256)) {
                in.transferTo(out);
            }
        };
        return Response.ok(content, file.mediaType).tag(tag).cacheControl(immutable())
                .header(HttpHeaders.CONTENT_LENGTH, file.sizeBytes)
                .header("Content-Disposition", "attachment; filename=\"" + file.sha256 + "." + file.type().extension() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @GET
    @Path("/{sha256}/thumbnail")
    @Produces("image/jpeg")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER,
            Roles.PARTNER})
    @Operation(summary = "A photo's thumbnail", description = "A JPEG of at most 320 px a side, made on the first "
            + "request and kept. JPEG and PNG photos only.")
    @APIResponse(responseCode = "200", description = "The thumbnail",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "A partner asking for an activity outside its grants")
    @APIResponse(responseCode = "404", description = "No such activity or file, or a file that is not a JPEG or PNG")
    @APIResponse(responseCode = "422", description = "The stored image cannot be decoded")
    public Response thumbnail(
            @PathParam("id") @Parameter(description = "The activity's id",
                    example = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID id,
            @PathParam("sha256") @Pattern(regexp = SHA256, message = "must be a lower-case hex SHA-256")
            @Parameter(description = "The file's SHA-256",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256) {
        EvidenceFile file = attachments.readableFile(id, sha256);
        return Response.ok(files.thumbnail(file.sha256), "image/jpeg").tag(new EntityTag(file.sha256 + "-thumbnail"))
                .cacheControl(immutable()).build();
    }

    private static CacheControl immutable() {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(86400);
        return cache;
    }
}
