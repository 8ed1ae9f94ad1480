package vn.commops.plan.notification;

import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationPreference")
public record PreferenceView(
        @Schema(examples = "lc-manager") String username,
        @Schema(examples = "true") boolean emailEnabled,
        List<NotificationKind> mutedKinds,
        @Schema(description = "What you are told of: the kinds you answer for, less those muted")
        List<NotificationKind> receives) {

    static PreferenceView of(NotificationRecipient recipient, NotificationPreference preference) {
        List<NotificationKind> muted = Arrays.stream(preference.mutedKinds).map(NotificationKind::valueOf).toList();
        List<NotificationKind> receives = preference.emailEnabled
                ? Arrays.stream(recipient.kinds).map(NotificationKind::valueOf).filter(k -> !muted.contains(k)).toList()
                : List.of();
        return new PreferenceView(recipient.username, preference.emailEnabled, muted, receives);
    }
}
