package vn.commops.indicator.value;

/**
 * Which activities count: only verified ones or every reported one (withdrawn and rejected never count),
 * one form only, one campaign only. Null means no restriction. {@code hierarchy} says which hierarchy they
 * roll up by.
 */
public record Filters(boolean verifiedOnly, String form, String campaignId, Hierarchy hierarchy) {

    public static final Filters ALL = new Filters(false, null, null);

    public Filters {
        hierarchy = hierarchy == null ? Hierarchy.CURRENT : hierarchy;
    }

    /** On today's hierarchy. */
    public Filters(boolean verifiedOnly, String form, String campaignId) {
        this(verifiedOnly, form, campaignId, Hierarchy.CURRENT);
    }
}
