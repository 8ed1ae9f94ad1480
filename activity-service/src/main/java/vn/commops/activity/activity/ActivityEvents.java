package vn.commops.activity.activity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/** Activity facts for indicator-service and plan-service; see docs/events.md. */
@ApplicationScoped
public class ActivityEvents {

    public static final String TOPIC = "activities";
    public static final String RECORDED = "activity.recorded";

    private final EventPublisher publisher;

    ActivityEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** The org unit's path travels with the activity so consumers roll it up without a lookup. */
    public record Recorded(UUID activityId, String orgUnitCode, String orgUnitPath, ActivityForm form,
            ActivityForm.Channel channel, OffsetDateTime startedAt, OffsetDateTime endedAt, int attendance,
            long reach) {
    }

    void recorded(Activity activity, String orgUnitPath) {
        publisher.publish(TOPIC, RECORDED, activity.id.toString(), new Recorded(activity.id, activity.orgUnitCode,
                orgUnitPath, activity.form, activity.form.channel(), activity.startedAt, activity.endedAt,
                activity.attendance == null ? 0 : activity.attendance, activity.reach == null ? 0 : activity.reach));
    }
}
