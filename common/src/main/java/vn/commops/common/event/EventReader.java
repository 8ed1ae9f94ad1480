package vn.commops.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads envelopes and their payloads; an unreadable message is a poison message for the dead-letter topic. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper objectMapper;

    EventReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public EventEnvelope envelope(String json) {
        try {
            return objectMapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("Not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return objectMapper.treeToValue(envelope.data(), type);
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
