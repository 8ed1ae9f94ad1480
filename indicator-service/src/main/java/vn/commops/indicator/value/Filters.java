package vn.commops.indicator.value;

/**
 * Which activities count: only verified ones or every reported one (withdrawn and rejected never count),
 * one form only, one campaign only. Null means no restriction.
 */
public record Filters(boolean verifiedOnly, String form, String campaignId) {

    public static final Filters ALL = new Filters(false, null, null);
}
