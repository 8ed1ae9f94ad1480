package vn.commops.indicator.campaign;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;
import vn.commops.common.event.RetriedWhileDatabaseDown;
import vn.commops.indicator.period.Period;

/** Campaign windows from plan-service's {@code campaigns} events, so a campaign can be a reporting period. */
@ApplicationScoped
public class CampaignWindows {

    static final String CONSUMER = "indicator-service.campaign-windows";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final EntityManager entityManager;

    CampaignWindows(EventReader reader, ProcessedEvents processed, EntityManager entityManager) {
        this.reader = reader;
        this.processed = processed;
        this.entityManager = entityManager;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Campaign(String campaignId, String theme, String ownerUnitCode, String ownerUnitPath, LocalDate startDate,
            LocalDate endDate, List<String> targetGroups) {
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
        Campaign campaign = reader.data(event, Campaign.class);
        if (campaign.targetGroups() != null && !campaign.targetGroups().isEmpty()) {
            // plan-service adds target groups by migration only; a new code is first seen on a campaign.
            entityManager.createNativeQuery("insert into target_group (code) select unnest(cast(:codes as text[])) "
                    + "on conflict do nothing")
                    .setParameter("codes", campaign.targetGroups().stream()
                            .map(code -> "\"" + code.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                            .collect(Collectors.joining(",", "{", "}")))
                    .executeUpdate();
        }
        if (campaign.campaignId() == null || campaign.startDate() == null || campaign.endDate() == null) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into campaign_window (campaign_id, theme, owner_unit_code, owner_unit_path, start_date, end_date,
                    updated_at)
                values (:id, :theme, :owner, :ownerPath, :start, :end, :now)
                on conflict (campaign_id) do update set theme = excluded.theme,
                    owner_unit_code = excluded.owner_unit_code, owner_unit_path = excluded.owner_unit_path,
                    start_date = excluded.start_date, end_date = excluded.end_date, updated_at = excluded.updated_at
                """)
                .setParameter("id", campaign.campaignId()).setParameter("theme", campaign.theme())
                .setParameter("owner", campaign.ownerUnitCode()).setParameter("ownerPath", campaign.ownerUnitPath())
                .setParameter("start", campaign.startDate()).setParameter("end", campaign.endDate())
                .setParameter("now", OffsetDateTime.now())
                .executeUpdate();
    }

    /** The campaign's window as a period whose id is the campaign id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Period> window(String campaignId) {
        List<?> rows = entityManager.createNativeQuery(
                "select start_date, end_date from campaign_window where campaign_id = :id")
                .setParameter("id", campaignId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Period(campaignId, (LocalDate) row[0], (LocalDate) row[1]));
    }
}
