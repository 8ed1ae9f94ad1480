package vn.commops.plan.notification;

import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationRecipient")
public record RecipientView(
        @Schema(examples = "lc-manager") String username,
        @Schema(examples = "nguyen.van.a@baohiemxahoi.gov.vn") String email,
        @Schema(examples = "vi") String language,
        @Schema(examples = "LC") String orgUnitCode,
        List<NotificationKind> kinds,
        List<RecipientRequest.Window> dutyWindows,
        @Schema(examples = "0") int version) {

    static RecipientView of(NotificationRecipient r, String email, List<DutyWindow> windows) {
        return new RecipientView(r.username, email, r.language, r.orgUnitCode,
                Arrays.stream(r.kinds).map(NotificationKind::valueOf).toList(),
                windows.stream().map(w -> new RecipientRequest.Window(w.startsAt, w.endsAt)).toList(), r.version);
    }
}
