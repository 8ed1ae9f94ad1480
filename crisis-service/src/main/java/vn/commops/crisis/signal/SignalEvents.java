package vn.commops.crisis.signal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/** Signals as events on {@code crisis-signals}, keyed by {@code <topic>/<org unit>}. See docs/events.md. */
@ApplicationScoped
public class SignalEvents {

    public static final String TOPIC = "crisis-signals";
    public static final String RAISED = "crisis-signal.raised";

    private final EventPublisher publisher;

    SignalEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record Raised(UUID signalId, String topicCode, String orgUnitCode, OffsetDateTime windowStart,
            OffsetDateTime windowEnd, int volume, double baseline, double score, String explanation) {
    }

    void raised(CrisisSignal signal) {
        publisher.publish(TOPIC, RAISED, signal.topicCode + "/" + signal.orgUnitCode, new Raised(signal.id,
                signal.topicCode, signal.orgUnitCode, signal.windowStart, signal.windowEnd, signal.volume,
                signal.baseline, signal.score, signal.explanation));
    }
}
