package vn.commops.indicator.rollup;

import java.util.UUID;

/**
 * What the totals hold of one activity: the revision applied, where it was summed (on today's hierarchy:
 * {@code key}; as the hierarchy was on its day: {@code asWasPath}), and its values.
 */
public record AppliedActivity(UUID activityId, int revision, String orgUnitCode, FactKey key, String asWasPath,
        String verificationStatus, boolean counted, long[] values) {

    FactKey asWasKey() {
        return new FactKey(asWasPath, key.day(), key.form(), key.campaignId(), key.verified(), key.costed());
    }
}
