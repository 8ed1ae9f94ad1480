package vn.commops.plan.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/** Campaign windows for indicator-service; see docs/events.md. */
@ApplicationScoped
public class CampaignEvents {

    public static final String TOPIC = "campaigns";
    public static final String CREATED = "campaign.created";
    public static final String UPDATED = "campaign.updated";

    private final EventPublisher publisher;

    CampaignEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * {@code implementsCampaignId}: the higher campaign it implements, or null (added in v1, backward compatible).
     * {@code targetGroups}: the campaign's target-group codes, whole (added later, backward compatible): what
     * activity-service checks an activity's breakdown by target group against.
     */
    public record CampaignEventData(UUID campaignId, UUID planId, String ownerUnitCode, String ownerUnitPath,
            String theme, LocalDate startDate, LocalDate endDate, UUID implementsCampaignId, List<String> targetGroups) {
    }

    void created(Campaign campaign, String ownerUnitCode, String ownerUnitPath) {
        publish(CREATED, campaign, ownerUnitCode, ownerUnitPath);
    }

    void updated(Campaign campaign, String ownerUnitCode, String ownerUnitPath) {
        publish(UPDATED, campaign, ownerUnitCode, ownerUnitPath);
    }

    private void publish(String type, Campaign campaign, String ownerUnitCode, String ownerUnitPath) {
        publisher.publish(TOPIC, type, campaign.id.toString(), new CampaignEventData(campaign.id, campaign.planId,
                ownerUnitCode, ownerUnitPath, campaign.theme, campaign.startDate, campaign.endDate,
                campaign.implementsCampaignId, List.copyOf(campaign.targetGroups)));
    }
}
