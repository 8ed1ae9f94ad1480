package vn.commops.activity.activity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A photo, video or page that shows the activity happened, with the checksum of the file. */
@Schema(name = "Evidence", description = "A photo, video or page that shows the activity happened: a link, or the "
        + "sha256 alone of a file uploaded to /api/v1/evidence-files, which is then attached to the activity and "
        + "given the link it is served at")
public record Evidence(
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Schema(description = "Where the file is; leave it out to name an uploaded file by its sha256",
                examples = "https://bhxh.laocai.gov.vn/anh/BY1-5.jpg") String url,
        @Pattern(regexp = Evidence.SHA256, message = "must be a lower-case hex SHA-256")
        @Schema(description = "SHA-256 of the file, lower-case hex",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(examples = "2024-05-15T19:40:00+07:00") OffsetDateTime capturedAt,
        @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "22.2385") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "104.1421") Double longitude) {

    /** A file's SHA-256 as items carry it: lower-case hex. */
    public static final String SHA256 = "[0-9a-f]{64}";

    /** Whether the item names a file stored here: by its hash alone, or with the link the platform gave it. */
    public boolean namesStoredFile() {
        return sha256 != null && (url == null || url.endsWith("/evidence-files/" + sha256 + "/content"));
    }
}
