package vn.commops.activity.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The day an activity happened, in the agency's one national time (as plan-service counts its
 * assignments' and reorganisations' days). Not the date in the offset the value carries: the JSON
 * reader adjusts every time to UTC, where an activity at 00:30 in Hà Nội falls on the day before.
 */
public final class AgencyDay {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private AgencyDay() {
    }

    public static LocalDate of(OffsetDateTime time) {
        return time.atZoneSameInstant(ZONE).toLocalDate();
    }
}
