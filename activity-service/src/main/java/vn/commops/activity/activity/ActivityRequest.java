package vn.commops.activity.activity;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActivityRequest", description = "An activity carried out in the field")
public record ActivityRequest(
        @NotBlank @Schema(description = "Org unit that ran it", examples = "LC-HOPHAI") String orgUnitCode,
        @NotNull @Schema(examples = "SMALL_GROUP") ActivityForm form,
        @NotBlank @Size(max = 300)
        @Schema(examples = "Tuyên truyền nhóm nhỏ tại thôn Hồ Phai") String title,
        @Size(max = 300) @Schema(examples = "Nhà văn hoá thôn Hồ Phai") String place,
        @NotNull @Schema(examples = "2024-05-13T08:00:00+07:00") OffsetDateTime startedAt,
        @Schema(examples = "2024-05-13T10:30:00+07:00") OffsetDateTime endedAt,
        @PositiveOrZero @Schema(description = "People present", examples = "35") Integer attendance,
        @PositiveOrZero @Schema(description = "People reached beyond those present", examples = "0") Long reach) {

    @AssertTrue(message = "must not be before startedAt")
    @Schema(hidden = true)
    public boolean isEndedAt() {
        return startedAt == null || endedAt == null || !endedAt.isBefore(startedAt);
    }
}
