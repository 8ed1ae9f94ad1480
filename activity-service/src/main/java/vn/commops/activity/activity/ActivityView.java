package vn.commops.activity.activity;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Activity")
public record ActivityView(
        UUID id,
        String orgUnitCode,
        ActivityForm form,
        ActivityForm.Channel channel,
        String title,
        String place,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        Integer attendance,
        Long reach,
        OffsetDateTime createdAt,
        int version) {

    static ActivityView of(Activity activity) {
        return new ActivityView(activity.id, activity.orgUnitCode, activity.form, activity.form.channel(),
                activity.title, activity.place, activity.startedAt, activity.endedAt, activity.attendance,
                activity.reach, activity.createdAt, activity.version);
    }
}
