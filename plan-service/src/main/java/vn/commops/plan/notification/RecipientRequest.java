package vn.commops.plan.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationRecipientRequest", description = "Who a person is for notifications: address, "
        + "language, unit, the kinds they answer for and, for crisis analysts, when they are on duty")
public record RecipientRequest(
        @NotBlank @Email @Size(max = 254)
        @Schema(description = "Personal data: never published in events or logs", examples = "nguyen.van.a@baohiemxahoi.gov.vn")
        String email,
        @NotNull @Pattern(regexp = "^(vi|en)$", message = "must be vi or en")
        @Schema(examples = "vi") String language,
        @NotBlank @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an org unit code")
        @Schema(examples = "LC") String orgUnitCode,
        @NotEmpty @Size(max = 4)
        @Schema(description = "What the person is told of", examples = "[\"ASSIGNMENT\", \"BEHIND_TARGET\"]")
        List<@NotNull NotificationKind> kinds,
        @Size(max = 200) @Schema(description = "On-duty windows (crisis analysts are told of the signals raised in them)")
        List<@NotNull @Valid Window> dutyWindows) {

    @Schema(name = "NotificationDutyWindow")
    public record Window(
            @NotNull @Schema(examples = "2025-03-12T08:00:00+07:00") OffsetDateTime startsAt,
            @NotNull @Schema(examples = "2025-03-12T17:00:00+07:00") OffsetDateTime endsAt) {
    }
}
