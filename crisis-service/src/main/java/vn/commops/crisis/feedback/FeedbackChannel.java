package vn.commops.crisis.feedback;

/** Where feedback reaches the agency, as seed 000 and the hotline guidance list them. */
public enum FeedbackChannel {
    HOTLINE, PORTAL, EMAIL, SOCIAL_MEDIA, PRESS, VOTER_MEETING, DIALOGUE, DIRECT_VISIT
}
