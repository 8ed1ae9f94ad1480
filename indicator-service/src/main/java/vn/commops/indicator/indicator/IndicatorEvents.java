package vn.commops.indicator.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import vn.commops.common.event.EventPublisher;

/** Indicator definitions on {@code indicators}, keyed by code; the payload is the definition after the change. */
@ApplicationScoped
public class IndicatorEvents {

    public static final String TOPIC = "indicators";
    public static final String CREATED = "indicator.created";
    public static final String UPDATED = "indicator.updated";

    private final EventPublisher publisher;

    IndicatorEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void created(IndicatorView indicator) {
        publisher.publish(TOPIC, CREATED, indicator.code(), indicator);
    }

    void updated(IndicatorView indicator) {
        publisher.publish(TOPIC, UPDATED, indicator.code(), indicator);
    }
}
