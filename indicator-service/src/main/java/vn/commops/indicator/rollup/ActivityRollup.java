package vn.commops.indicator.rollup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;

/** Adds each recorded activity to its unit's day and to every ancestor's, once per event. */
@ApplicationScoped
public class ActivityRollup {

    static final String CONSUMER = "indicator-service.activity-rollup";
    static final String RECORDED = "activity.recorded";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final UnitDayTotals totals;
    private final ZoneId zone;

    ActivityRollup(EventReader reader, ProcessedEvents processed, UnitDayTotals totals,
            @ConfigProperty(name = "commops.indicators.zone") ZoneId zone) {
        this.reader = reader;
        this.processed = processed;
        this.totals = totals;
        this.zone = zone;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recorded(String orgUnitCode, String orgUnitPath, OffsetDateTime startedAt, long attendance) {
    }

    @Incoming("activities")
    @Blocking
    @Transactional
    public void apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!RECORDED.equals(event.type()) || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        Recorded activity = reader.data(event, Recorded.class);
        totals.add(unitAndAncestors(activity), activity.startedAt().atZoneSameInstant(zone).toLocalDate(), 1,
                activity.attendance());
    }

    private static List<String> unitAndAncestors(Recorded activity) {
        if (activity.orgUnitPath() == null || activity.orgUnitPath().isBlank()) {
            return List.of(activity.orgUnitCode());
        }
        return Arrays.stream(activity.orgUnitPath().split("/")).filter(code -> !code.isEmpty()).toList();
    }
}
