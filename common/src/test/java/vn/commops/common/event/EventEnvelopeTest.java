package vn.commops.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void roundTripsAsJsonWithVietnameseText() throws Exception {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "org-unit.created", "plan-service",
                OffsetDateTime.parse("2024-05-13T08:00:00+07:00"), "LC", 1,
                json.createObjectNode().put("name", "Bảo hiểm xã hội tỉnh Lào Cai"));

        String text = json.writeValueAsString(envelope);
        EventEnvelope read = json.readValue(text, EventEnvelope.class);

        assertEquals(envelope.id(), read.id());
        assertEquals("Bảo hiểm xã hội tỉnh Lào Cai", read.data().path("name").asText());
        assertEquals(envelope.time().toInstant(), read.time().toInstant());
    }

    @Test
    void refusesAnEnvelopeWithoutSubject() {
        assertThrows(NullPointerException.class, () -> new EventEnvelope(UUID.randomUUID(), "t", "s",
                OffsetDateTime.now(), null, 1, json.createObjectNode()));
    }
}
