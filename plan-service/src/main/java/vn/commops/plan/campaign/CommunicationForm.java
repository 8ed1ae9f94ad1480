package vn.commops.plan.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The forms of communication, named as activity-service's ActivityForm names them so that activities
 * report against campaigns and assignments in the same words; each belongs to one channel family of
 * the May guidance (seed 002).
 */
@Schema(name = "CommunicationForm")
public enum CommunicationForm {
    BANNER(Channel.VISUAL),
    SLOGAN(Channel.VISUAL),
    LAUNCH_CEREMONY(Channel.DIRECT),
    CONFERENCE(Channel.DIRECT),
    DIALOGUE(Channel.DIRECT),
    SMALL_GROUP(Channel.DIRECT),
    ADVISORY_BOOTH(Channel.DIRECT),
    ONE_STOP_DESK(Channel.DIRECT),
    HOTLINE(Channel.DIRECT),
    ART_PERFORMANCE(Channel.DIRECT),
    MOBILE_CAMPAIGN(Channel.DIRECT),
    NEWS_ARTICLE(Channel.MASS_MEDIA),
    RADIO_BROADCAST(Channel.MASS_MEDIA),
    LOUDSPEAKER_BROADCAST(Channel.MASS_MEDIA),
    INFOGRAPHIC(Channel.MASS_MEDIA),
    MOTION_GRAPHIC(Channel.MASS_MEDIA),
    PORTAL_POST(Channel.INTERNET),
    SOCIAL_POST(Channel.INTERNET),
    LIVESTREAM(Channel.INTERNET),
    ONLINE_CONTEST(Channel.INTERNET),
    LEAFLET(Channel.COMMUNICATION_PRODUCT),
    BROCHURE(Channel.COMMUNICATION_PRODUCT),
    PROMOTIONAL_ITEM(Channel.COMMUNICATION_PRODUCT),
    BOOK_AND_CARD_DONATION(Channel.DONATION);

    @Schema(name = "CommunicationChannel")
    public enum Channel {
        VISUAL, DIRECT, MASS_MEDIA, INTERNET, COMMUNICATION_PRODUCT, DONATION
    }

    private final Channel channel;

    CommunicationForm(Channel channel) {
        this.channel = channel;
    }

    public Channel channel() {
        return channel;
    }
}
