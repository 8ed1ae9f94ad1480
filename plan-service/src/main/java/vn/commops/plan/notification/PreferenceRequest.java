package vn.commops.plan.notification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationPreferenceRequest", description = "Your own choices: email on or off, kinds muted")
public record PreferenceRequest(
        @NotNull @Schema(examples = "true") Boolean emailEnabled,
        @Size(max = 4) @Schema(description = "Kinds you do not want, though you answer for them",
                examples = "[\"BEHIND_TARGET\"]")
        List<@NotNull NotificationKind> mutedKinds) {
}
