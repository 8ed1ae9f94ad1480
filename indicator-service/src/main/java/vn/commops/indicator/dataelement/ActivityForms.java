package vn.commops.indicator.dataelement;

import java.util.Set;

/**
 * The forms of activity the {@code activities} events carry (activity-service's {@code ActivityForm},
 * part of the event contract), so a formula's {@code [FORM]} filter can be checked when it is saved.
 */
public final class ActivityForms {

    public static final Set<String> ALL = Set.of(
            "BANNER", "SLOGAN",
            "LAUNCH_CEREMONY", "CONFERENCE", "DIALOGUE", "SMALL_GROUP", "ADVISORY_BOOTH", "ONE_STOP_DESK",
            "HOTLINE", "ART_PERFORMANCE", "MOBILE_CAMPAIGN",
            "NEWS_ARTICLE", "RADIO_BROADCAST", "LOUDSPEAKER_BROADCAST", "INFOGRAPHIC", "MOTION_GRAPHIC",
            "PORTAL_POST", "SOCIAL_POST", "LIVESTREAM", "ONLINE_CONTEST",
            "LEAFLET", "BROCHURE", "PROMOTIONAL_ITEM",
            "BOOK_AND_CARD_DONATION");

    private ActivityForms() {
    }

    public static boolean isKnown(String form) {
        return ALL.contains(form);
    }
}
