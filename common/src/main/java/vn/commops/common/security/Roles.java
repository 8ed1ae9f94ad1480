package vn.commops.common.security;

/** The roles a token's {@code groups} claim may carry; see docs/security.md for who may do what. */
public final class Roles {

    /** The national communication centre's administrators: every unit, every action. */
    public static final String NATIONAL_ADMIN = "national-admin";
    /** Manages the plans and assignments of the units granted. */
    public static final String UNIT_MANAGER = "unit-manager";
    /** Records activities and feedback for the units granted. */
    public static final String UNIT_OFFICER = "unit-officer";
    /** Works feedback, signals and crisis cases. */
    public static final String CRISIS_ANALYST = "crisis-analyst";
    /** A partner organisation: reports activities for its granted units only, reads nothing else. */
    public static final String PARTNER = "partner";
    /**
     * Answers people's requests about their personal data (Decree 13/2023/ND-CP): exports what is held about
     * one person, erases it and audits who read it, without the national admin's power over plans and partners.
     */
    public static final String DATA_PROTECTION_OFFICER = "data-protection-officer";
    /** Operations and read-only users. */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
