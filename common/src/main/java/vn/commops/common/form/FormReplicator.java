package vn.commops.common.form;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;

/**
 * Applies plan-service's {@code communication-forms} events to the local form replica, each event once. A
 * service that checks activities' forms consumes the topic and hands each message here. Every event carries the
 * form's whole state and version, so each is applied the same way: an upsert, unless the replica already holds a
 * later version (the seeded rows are version 0, as in plan-service).
 */
@ApplicationScoped
public class FormReplicator {

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final String consumer;

    FormReplicator(EventReader reader, ProcessedEvents processed,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.reader = reader;
        this.processed = processed;
        this.consumer = service + ".form-replica";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FormData(String code, String channel, List<String> requiredFigures, boolean retired, int version) {
    }

    /** The code of the form the message changed; empty when it changed nothing (seen before, or older). */
    @Transactional
    public Optional<String> apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!event.type().startsWith("communication-form.") || !processed.firstDelivery(consumer, event.id())) {
            return Optional.empty();
        }
        FormData data = reader.data(event, FormData.class);
        if (data.code() == null || data.channel() == null || data.requiredFigures() == null
                || data.requiredFigures().isEmpty()) {
            throw new IllegalArgumentException("Event " + event.id() + " lacks the form's code, channel or figures");
        }
        KnownForm form = KnownForm.<KnownForm>findByIdOptional(data.code()).orElseGet(KnownForm::new);
        if (form.code != null && form.version > data.version()) {
            return Optional.empty();
        }
        form.code = data.code();
        form.channel = data.channel();
        form.requiredFigures = data.requiredFigures().toArray(String[]::new);
        form.retired = data.retired();
        form.version = data.version();
        form.updatedAt = OffsetDateTime.now();
        form.persist();
        return Optional.of(form.code);
    }
}
