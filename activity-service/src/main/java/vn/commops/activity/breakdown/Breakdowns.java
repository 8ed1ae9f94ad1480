package vn.commops.activity.breakdown;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who was reached, per measure: the split of attendance and of new social- and health-insurance
 * participants. Stored with the activity (a jsonb column) and carried whole in its events.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Breakdowns", description = "Attendance and new participants split by sex, age band and target group",
        examples = "{\"attendance\": {\"sex\": {\"FEMALE\": 30, \"MALE\": 38}, \"group\": {\"STUDENTS\": 40}}}")
public record Breakdowns(Breakdown attendance, Breakdown newSocialInsurance, Breakdown newHealthInsurance) {

    /** The measures that may be split, by their field name. */
    public enum Measure {
        ATTENDANCE("attendance"), NEW_SOCIAL_INSURANCE("newSocialInsurance"), NEW_HEALTH_INSURANCE("newHealthInsurance");

        private final String field;

        Measure(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Breakdown of(Measure measure) {
        Breakdown breakdown = switch (measure) {
            case ATTENDANCE -> attendance;
            case NEW_SOCIAL_INSURANCE -> newSocialInsurance;
            case NEW_HEALTH_INSURANCE -> newHealthInsurance;
        };
        return breakdown == null || breakdown.isEmpty() ? null : breakdown;
    }

    @JsonIgnore
    public boolean isEmpty() {
        for (Measure measure : Measure.values()) {
            if (of(measure) != null) {
                return false;
            }
        }
        return true;
    }

    /** The breakdowns worth keeping: null when nothing is split, so an empty object stores and hashes as none. */
    public static Breakdowns normalised(Breakdowns breakdowns) {
        return breakdowns == null || breakdowns.isEmpty() ? null : breakdowns;
    }

    /**
     * Every count as {@code measure.dimension.category}, sorted: the canonical form the content hash and the
     * CSV export read, whatever order the reporter sent.
     */
    public Map<String, Integer> flat() {
        Map<String, Integer> flat = new TreeMap<>();
        for (Measure measure : Measure.values()) {
            Breakdown breakdown = of(measure);
            for (Dimension dimension : Dimension.values()) {
                Map<String, Integer> split = breakdown == null ? null : breakdown.of(dimension);
                if (split != null) {
                    split.forEach((category, count) -> flat.put(measure.field() + "." + dimension.field() + "."
                            + category, count));
                }
            }
        }
        return flat;
    }

    /** Whether the CSV column names a breakdown count ({@code attendance.group.STUDENTS}). */
    public static boolean isColumn(String column) {
        int dot = column.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String measure = column.substring(0, dot);
        for (Measure m : Measure.values()) {
            if (m.field().equals(measure)) {
                return true;
            }
        }
        return false;
    }
}
