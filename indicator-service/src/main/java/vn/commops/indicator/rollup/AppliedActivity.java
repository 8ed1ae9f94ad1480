package vn.commops.indicator.rollup;

import java.util.UUID;

/** What the totals hold of one activity: the revision applied, where it was summed, and its values. */
public record AppliedActivity(UUID activityId, int revision, String orgUnitCode, FactKey key,
        String verificationStatus, boolean counted, long[] values) {
}
