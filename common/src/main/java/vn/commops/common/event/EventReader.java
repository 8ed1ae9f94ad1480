package vn.commops.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import vn.commops.contract.TextValues;

/** Reads envelopes and their payloads; an unreadable message is a poison message for the dead-letter topic. */
@ApplicationScoped
public class EventReader {

    private final ObjectReader json;

    /**
     * Events come from the platform's own services, old versions included: a field an older producer
     * left null where a consumer now has a primitive reads as its default, as it always has, and text
     * checked when it came in is not checked again by rules added since.
     */
    EventReader(ObjectMapper objectMapper) {
        this.json = objectMapper.reader().without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .withAttribute(TextValues.TRUSTED, Boolean.TRUE);
    }

    public EventEnvelope envelope(String json) {
        try {
            return this.json.forType(EventEnvelope.class).readValue(json);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("Not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return json.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(
                    "Event " + envelope.id() + " of type " + envelope.type() + " has unreadable data: "
                            + e.getOriginalMessage(), e);
        }
    }

    public static class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
