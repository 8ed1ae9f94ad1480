package vn.commops.activity.breakdown;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;
import vn.commops.common.event.RetriedWhileDatabaseDown;

/**
 * Keeps the target groups of plan-service's campaigns from its {@code campaigns} events, each once; every
 * event carries the campaign's whole list, so each is an upsert. A code not yet in the vocabulary replica
 * joins it: plan-service adds codes by migration only, and a new one is first seen on a campaign.
 * Events from before campaigns carried {@code targetGroups} say nothing about them and are skipped.
 */
@ApplicationScoped
public class CampaignReplica {

    static final String CONSUMER = "activity-service.campaign-replica";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final EntityManager entityManager;

    CampaignReplica(EventReader reader, ProcessedEvents processed, EntityManager entityManager) {
        this.reader = reader;
        this.processed = processed;
        this.entityManager = entityManager;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CampaignData(UUID campaignId, List<String> targetGroups) {
    }

    @Incoming("campaigns")
    @RetriedWhileDatabaseDown
    @Blocking
    @Transactional
    public void apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!event.type().startsWith("campaign.") || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        CampaignData data = reader.data(event, CampaignData.class);
        if (data.campaignId() == null || data.targetGroups() == null) {
            return;
        }
        String groups = textArray(data.targetGroups());
        entityManager.createNativeQuery("insert into campaign_replica (id, target_groups, updated_at) "
                + "values (:id, cast(:groups as text[]), now()) on conflict (id) do update set "
                + "target_groups = excluded.target_groups, updated_at = excluded.updated_at")
                .setParameter("id", data.campaignId())
                .setParameter("groups", groups)
                .executeUpdate();
        if (!data.targetGroups().isEmpty()) {
            entityManager.createNativeQuery("insert into target_group_replica (code) select unnest(cast(:groups as "
                    + "text[])) on conflict do nothing")
                    .setParameter("groups", groups)
                    .executeUpdate();
        }
    }

    /** A PostgreSQL text[] literal; codes are plain upper-case words, quoted anyway. */
    private static String textArray(List<String> codes) {
        return "{" + String.join(",", codes.stream()
                .map(code -> "\"" + code.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }
}
