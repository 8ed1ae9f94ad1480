package vn.commops.activity.evidence;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A file attached to an activity, and how its EXIF agrees with the activity. */
@Schema(name = "EvidenceFile", description = "A file attached to an activity")
public record EvidenceFileView(
        @Schema(description = "SHA-256 of the content, lower-case hex; also its ETag",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(description = "The type its content was recognised as", examples = "image/jpeg") String mediaType,
        @Schema(examples = "482133") long sizeBytes,
        @Schema(description = "Who attached it to the activity", examples = "lc-officer") String uploadedBy,
        @Schema(examples = "2024-05-15T20:02:11+07:00") OffsetDateTime uploadedAt,
        @Schema(description = "Capture time from the photo's EXIF", examples = "2024-05-15T19:40:00+07:00")
        OffsetDateTime capturedAt,
        @Schema(description = "GPS latitude from the photo's EXIF", examples = "22.2385") Double latitude,
        @Schema(description = "GPS longitude from the photo's EXIF", examples = "104.1421") Double longitude,
        EvidenceFindings findings,
        @Schema(examples = "/api/v1/activities/5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13/evidence-files/"
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/content") String contentUrl,
        @Schema(description = "A JPEG of at most 320 px a side; null for files that are not JPEG or PNG images",
                examples = "/api/v1/activities/5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13/evidence-files/"
                        + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/thumbnail")
        String thumbnailUrl) {
}
