package vn.commops.indicator.rollup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.commops.indicator.dataelement.Breakdowns;

/** The part of an {@code activities} event's payload the live values need: the activity's whole current revision. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActivityRevision(
        UUID activityId,
        Integer revision,
        String orgUnitCode,
        String orgUnitPath,
        String form,
        OffsetDateTime startedAt,
        UUID campaignId,
        String verificationStatus,
        boolean withdrawn,
        Long quantity,
        long attendance,
        long reach,
        long plays,
        long interactions,
        long newSocialInsurance,
        long newHealthInsurance,
        long appInstalls,
        long nonCashConversions,
        long booksAndCardsDonated,
        long costVnd,
        Boolean costReported,
        Map<String, Map<String, Map<String, Long>>> breakdowns) {

    /** The event's measure names and the data elements they count. */
    private static final Map<String, String> MEASURES = Map.of("attendance", "ATTENDANCE",
            "newSocialInsurance", "NEW_SOCIAL_INSURANCE", "newHealthInsurance", "NEW_HEALTH_INSURANCE");

    /** The same revision of the activity the envelope's subject names (events that left activityId out). */
    public ActivityRevision withActivityId(UUID id) {
        return new ActivityRevision(id, revision, orgUnitCode, orgUnitPath, form, startedAt, campaignId,
                verificationStatus, withdrawn, quantity, attendance, reach, plays, interactions, newSocialInsurance,
                newHealthInsurance, appInstalls, nonCashConversions, booksAndCardsDonated, costVnd, costReported,
                breakdowns);
    }

    /**
     * The breakdown counts keyed "ELEMENT|dimension|category" ({@code ATTENDANCE|group|STUDENTS}); empty for an
     * activity not split, and for events from before breakdowns. Measures and dimensions this service does not
     * know are left out.
     */
    public Map<String, Long> breakdownCounts() {
        Map<String, Long> counts = new TreeMap<>();
        if (breakdowns == null) {
            return counts;
        }
        breakdowns.forEach((measure, dimensions) -> {
            String element = MEASURES.get(measure);
            if (element == null || dimensions == null) {
                return;
            }
            dimensions.forEach((dimension, categories) -> {
                if (categories != null && Breakdowns.isDimension(dimension)) {
                    categories.forEach((category, count) -> {
                        if (count != null && count != 0) {
                            counts.put(element + "|" + dimension + "|" + category, count);
                        }
                    });
                }
            });
        });
        return counts;
    }

    /** Events before revisions were numbered are the first report. */
    public int revisionNumber() {
        return revision == null ? 1 : revision;
    }

    /** A withdrawn or rejected activity did not happen as far as indicators are concerned. */
    public boolean counts() {
        return !withdrawn && !"REJECTED".equals(verificationStatus);
    }

    /**
     * Whether a cost was reported: cost figures leave the others out. Events before {@code costReported} said 0
     * for a cost not reported, so for them a cost of 0 is taken as not reported.
     */
    public boolean costed() {
        return costReported != null ? costReported : costVnd > 0;
    }

    public boolean verified() {
        return "VERIFIED".equals(verificationStatus);
    }

    /** The element values in {@link vn.commops.indicator.dataelement.ActivityElement} order. */
    public long[] values() {
        return new long[] {1, quantity == null ? 1 : quantity, attendance, reach, plays, interactions,
            newSocialInsurance, newHealthInsurance, appInstalls, nonCashConversions, booksAndCardsDonated, costVnd};
    }
}
