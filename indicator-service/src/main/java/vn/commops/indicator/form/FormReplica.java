package vn.commops.indicator.form;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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
 * each event once: an upsert of the form's whole state, unless the replica already holds a later version.
 */
@ApplicationScoped
public class FormReplica {

    static final String CONSUMER = "indicator-service.form-replica";

    private final EventReader reader;
    private final ProcessedEvents processed;

    FormReplica(EventReader reader, ProcessedEvents processed) {
        this.reader = reader;
        this.processed = processed;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FormData(String code, String channel, List<String> requiredFigures, boolean retired, int version) {
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
        if (data.code() == null || data.channel() == null || data.requiredFigures() == null) {
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
    }
}
