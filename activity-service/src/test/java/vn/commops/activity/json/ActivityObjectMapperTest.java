package vn.commops.activity.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import vn.commops.contract.UnreadableFields;

/** The service's own mapper: the platform's strict input contract, with the faster date-time codec on top. */
@QuarkusTest
class ActivityObjectMapperTest {

    record Dated(OffsetDateTime startedAt, Integer attendance) {
    }

    @Inject
    ObjectMapper json;

    @Test
    void readsDateTimesWithTheCodecRegistered() throws Exception {
        assertTrue(json.getRegisteredModuleIds().stream().anyMatch(id -> id.equals("commops-offset-date-time")
                || id.equals(OffsetDateTimeCodec.class.getName())), () -> "registered: " + json.getRegisteredModuleIds());
        Dated dated = json.readValue("{\"startedAt\": \"2024-05-13T08:00:00+07:00\", \"attendance\": 35}", Dated.class);
        assertEquals(OffsetDateTime.parse("2024-05-13T01:00:00Z").toInstant(), dated.startedAt().toInstant());
    }

    @Test
    void keepsRefusingWhatTheStrictContractRefuses() {
        assertTrue(refusal("{\"startedAt\": 1700000000}").startsWith("startedAt: cannot be read as a date-time"));
        assertThrows(JsonMappingException.class, () -> json.readValue(
                "{\"startedAt\": \"2025-02-30T08:00:00+07:00\"}", Dated.class));
        assertEquals("attendance: cannot be read as a whole number", refusal("{\"attendance\": 1.5}"));
    }

    private String refusal(String body) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> json.readValue(body, Dated.class));
        return UnreadableFields.fieldOf(e) + ": " + UnreadableFields.why(e);
    }
}
