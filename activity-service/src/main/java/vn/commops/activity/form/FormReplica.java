package vn.commops.activity.form;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;
import vn.commops.common.event.RetriedWhileDatabaseDown;

/**
 * Keeps this service's replica of plan-service's form catalogue from its {@code communication-forms} events,
 * each event once. Every event carries the form's whole state and version, so each is applied the same way:
 * an upsert, unless the replica already holds a later version (the seeded rows are version 0, as in plan-service).
 */
@ApplicationScoped
public class FormReplica {

    static final String CONSUMER = "activity-service.form-replica";

    /** Fired when the replica changed, so the in-memory catalogue reloads once the transaction commits. */
    public record Applied(String code) {
    }

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final Event<Applied> applied;

    FormReplica(EventReader reader, ProcessedEvents processed, Event<Applied> applied) {
        this.reader = reader;
        this.processed = processed;
        this.applied = applied;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FormData(String code, ChannelFamily channel, List<String> requiredFigures, boolean retired, int version) {
    }

    @Incoming("communication-forms")
    @RetriedWhileDatabaseDown
    @Blocking
    @Transactional
    public void apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!event.type().startsWith("communication-form.") || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        FormData data = reader.data(event, FormData.class);
        if (data.code() == null || data.channel() == null || data.requiredFigures() == null
                || data.requiredFigures().isEmpty()) {
            throw new IllegalArgumentException("Event " + event.id() + " lacks the form's code, channel or figures");
        }
        KnownForm form = KnownForm.<KnownForm>findByIdOptional(data.code()).orElseGet(KnownForm::new);
        if (form.code != null && form.version > data.version()) {
            return;
        }
        form.code = data.code();
        form.channel = data.channel();
        form.requiredFigures = data.requiredFigures().toArray(String[]::new);
        form.retired = data.retired();
        form.version = data.version();
        form.updatedAt = OffsetDateTime.now();
        form.persist();
        applied.fire(new Applied(form.code));
    }
}
