package vn.commops.activity.breakdown;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One measure (attendance, new participants) split by who was counted. Each dimension is optional; one
 * given adds up: by sex and by age band to the measure's total, by target group to no more than it (a
 * person may belong to none of the campaign's groups, and to one at most is not asked of the reporter).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Breakdown", description = "A measure split by sex, age band and target group; each split optional")
public record Breakdown(
        @Schema(description = "People by sex (FEMALE, MALE, UNKNOWN); adds up to the total",
                examples = "{\"FEMALE\": 30, \"MALE\": 38}") Map<String, Integer> sex,
        @Schema(description = "People by age band (UNDER_15, 15_24, 25_34, 35_44, 45_59, 60_PLUS); adds up to the total",
                examples = "{\"15_24\": 40, \"25_34\": 28}") Map<String, Integer> age,
        @Schema(description = "People by target group of the campaign (codes of GET /api/v1/campaigns/target-groups); "
                + "at most the total", examples = "{\"STUDENTS\": 40, \"FREELANCE_WORKERS\": 20}")
        Map<String, Integer> group) {

    @JsonIgnore
    public boolean isEmpty() {
        return (sex == null || sex.isEmpty()) && (age == null || age.isEmpty()) && (group == null || group.isEmpty());
    }

    /** The split of a dimension, or null when it was not given. */
    public Map<String, Integer> of(Dimension dimension) {
        Map<String, Integer> split = switch (dimension) {
            case SEX -> sex;
            case AGE -> age;
            case GROUP -> group;
        };
        return split == null || split.isEmpty() ? null : split;
    }
}
