package vn.commops.activity.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.activity.VerificationStatus;

@Schema(name = "VerificationDecision")
public record Decision(
        @NotNull @Schema(examples = "NEEDS_INFORMATION") VerificationStatus decision,
        @Size(max = 1000) @Schema(description = "Required to reject or to ask for information",
                examples = "Thiếu ảnh danh sách người tham dự") String reason) {
}
