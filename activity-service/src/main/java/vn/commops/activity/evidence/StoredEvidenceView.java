package vn.commops.activity.evidence;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A file uploaded on its own, for a batch record to name by its sha256. */
@Schema(name = "StoredEvidence", description = "An uploaded file, to be referred to by its sha256")
public record StoredEvidenceView(
        @Schema(description = "SHA-256 of the content: give it as evidence[].sha256 (without url) in a record",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(examples = "image/jpeg") String mediaType,
        @Schema(examples = "482133") long sizeBytes,
        @Schema(examples = "2024-05-15T19:40:00+07:00") OffsetDateTime capturedAt,
        @Schema(examples = "22.2385") Double latitude,
        @Schema(examples = "104.1421") Double longitude) {

    static StoredEvidenceView of(EvidenceFile file) {
        return new StoredEvidenceView(file.sha256, file.mediaType, file.sizeBytes, file.capturedAt, file.latitude,
                file.longitude);
    }
}
