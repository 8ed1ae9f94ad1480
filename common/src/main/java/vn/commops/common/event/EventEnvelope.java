package vn.commops.common.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in, whichever service publishes it.
 *
 * @param id            unique per event; consumers deduplicate on it
 * @param type          what happened, e.g. {@code activity.recorded}
 * @param source        the publishing service, e.g. {@code activity-service}
 * @param time          when it happened, with offset
 * @param subject       the aggregate id; also the Kafka key, so one aggregate's events stay in order
 * @param schemaVersion version of {@code data}'s shape for this type
 * @param data          the payload
 */
public record EventEnvelope(
        UUID id,
        String type,
        String source,
        OffsetDateTime time,
        String subject,
        int schemaVersion,
        JsonNode data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }
}
