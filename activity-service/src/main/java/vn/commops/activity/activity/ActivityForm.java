package vn.commops.activity.activity;

/** Every form of communication the seeds name, grouped by the channel family the May guidance uses. */
public enum ActivityForm {
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

    public enum Channel {
        VISUAL, DIRECT, MASS_MEDIA, INTERNET, COMMUNICATION_PRODUCT, DONATION
    }

    private final Channel channel;

    ActivityForm(Channel channel) {
        this.channel = channel;
    }

    public Channel channel() {
        return channel;
    }
}
