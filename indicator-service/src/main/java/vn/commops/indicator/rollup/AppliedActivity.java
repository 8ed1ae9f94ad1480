package vn.commops.indicator.rollup;

import java.util.Map;
import java.util.UUID;

/**
 * What the totals hold of one activity: the revision applied, where it was summed (on today's hierarchy:
 * {@code key}; as the hierarchy was on its day: {@code asWasPath}), and its values, with its breakdown counts ("ELEMENT|dimension|category").
 */
public record AppliedActivity(UUID activityId, int revision, String orgUnitCode, FactKey key, String asWasPath,
        String verificationStatus, boolean counted, long[] values, Map<String, Long> breakdowns) {

    FactKey asWasKey() {
        return new FactKey(asWasPath, key.day(), key.form(), key.campaignId(), key.verified(), key.costed());
    }
}
