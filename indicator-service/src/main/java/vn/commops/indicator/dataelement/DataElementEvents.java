package vn.commops.indicator.dataelement;

import jakarta.enterprise.context.ApplicationScoped;
import vn.commops.common.event.EventPublisher;

/** A statistic added to the data-element catalogue, on {@code indicators} (what formulas may be written over). */
@ApplicationScoped
public class DataElementEvents {

    public static final String TOPIC = "indicators";
    public static final String DEFINED = "data-element.defined";

    private final EventPublisher publisher;

    DataElementEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void defined(DataElementView element) {
        publisher.publish(TOPIC, DEFINED, element.code(), element);
    }
}
