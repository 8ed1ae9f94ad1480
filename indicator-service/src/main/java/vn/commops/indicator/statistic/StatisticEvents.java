package vn.commops.indicator.statistic;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.commops.common.event.EventPublisher;

/**
 * A reported statistic's new value on {@code statistics}, keyed {@code <dataElement>/<orgUnit>/<period>}
 * so that one figure's corrections stay in order. An unchanged row publishes nothing.
 */
@ApplicationScoped
public class StatisticEvents {

    public static final String TOPIC = "statistics";
    public static final String REPORTED = "statistic.reported";

    private final EventPublisher publisher;

    StatisticEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record Reported(String dataElementCode, String orgUnitCode, String orgUnitPath, String period,
            LocalDate periodStart, LocalDate periodEnd, BigDecimal value, BigDecimal previousValue, String reportedBy,
            OffsetDateTime reportedAt) {
    }

    void reported(Reported statistic) {
        publisher.publish(TOPIC, REPORTED, statistic.dataElementCode() + "/" + statistic.orgUnitCode() + "/"
                + statistic.period(), statistic);
    }
}
