package vn.commops.activity.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;

/**
 * Files uploaded ahead of the records that name them: a partner's batch carries thousands of records, and
 * names each file by its sha256 instead of carrying its bytes.
 */
@Path("/api/v1/evidence-files")
@Tag(name = "Evidence files")
public class EvidenceFileResource {

    private final EvidenceUploads uploads;
    private final EvidenceFiles files;
    private final Caller caller;

    EvidenceFileResource(EvidenceUploads uploads, EvidenceFiles files, Caller caller) {
        this.uploads = uploads;
        this.files = files;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.PARTNER})
    @Operation(summary = "Upload a file for records to refer to", description = "Stores the file (checked as for "
            + "an activity's files) and answers its sha256, for batch records to refer to it by hash. Uploading the "
            + "same content again stores nothing more. The file is readable only through the activities it is "
            + "attached to.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = StoredEvidenceView.class)))
    @APIResponse(responseCode = "200", description = "Already stored",
            content = @Content(schema = @Schema(implementation = StoredEvidenceView.class)))
    @APIResponse(responseCode = "400", description = "Empty body, or a malformed X-Content-SHA256")
    @APIResponse(responseCode = "413", description = "Larger than its kind's limit; nothing stored")
    @APIResponse(responseCode = "415", description = "Content of no accepted type, or not the declared Content-Type")
    @APIResponse(responseCode = "422", description = "The content's SHA-256 is not the X-Content-SHA256 announced")
    public Response upload(InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(example = "image/jpeg") String contentType,
            @HeaderParam(EvidenceUploads.SHA256_HEADER) @Parameter(description = "The file's SHA-256 as the client "
                    + "computed it, hex; checked against what arrives",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256) {
        try (EvidenceUploads.Received received = uploads.receive(body, contentType, sha256)) {
            EvidenceFiles.Kept kept = files.keep(received, caller.name());
            return Response.status(kept.isNew() ? 201 : 200).type(MediaType.APPLICATION_JSON)
                    .entity(StoredEvidenceView.of(kept.file())).build();
        }
    }
}
