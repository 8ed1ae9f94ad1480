package vn.commops.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.contract.StrictJson;
import vn.commops.contract.UnreadableFields;

class StrictJsonTest {

    enum Form { BANNER, SMALL_GROUP }

    record Report(String title, String description, Integer attendance, long amount, Double latitude, Boolean correction,
            OffsetDateTime startedAt, LocalDate day, Form form, BigDecimal value, List<String> keywords) {
    }

    /** As Quarkus configures its mapper, then as the platform does (PlatformObjectMapper). */
    private final ObjectMapper json = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    private Report read(String body) throws JsonProcessingException {
        return json.readValue(body, Report.class);
    }

    private String refusal(String body) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> read(body));
        return UnreadableFields.fieldOf(e) + ": " + UnreadableFields.why(e);
    }

    @Test
    void readsWhatIsSentAsSent() throws JsonProcessingException {
        Report report = read("""
                {"title": "Thôn Hồ Phai", "description": "Hai buổi:\\r\\n\\tsáng và chiều", "attendance": 35, "amount": 7, "latitude": 22, "correction": false,
                 "startedAt": "2024-05-13T08:00:00+07:00", "day": "2024-05-13", "form": "BANNER", "value": 1.5,
                 "keywords": ["a", "b"], "unknown": 1}""");
        assertEquals("Thôn Hồ Phai", report.title());
        assertEquals("Hai buổi:\r\n\tsáng và chiều", report.description());
        assertEquals(35, report.attendance());
        assertEquals(22.0, report.latitude());
        assertEquals(new BigDecimal("1.5"), report.value());
    }

    @Test
    void refusesValuesItWouldOtherwiseChange() {
        assertEquals("attendance: cannot be read as a whole number", refusal("{\"attendance\": 1.5}"));
        assertEquals("attendance: cannot be read as a whole number", refusal("{\"attendance\": \"35\"}"));
        assertEquals("title: cannot be read as text", refusal("{\"title\": 12345}"));
        assertEquals("correction: cannot be read as true or false", refusal("{\"correction\": 1}"));
        assertEquals("correction: cannot be read as true or false", refusal("{\"correction\": \"yes\"}"));
        assertEquals("latitude: cannot be read as a number", refusal("{\"latitude\": \"22.1\"}"));
        assertTrue(refusal("{\"startedAt\": 1700000000}").startsWith("startedAt: cannot be read as a date-time"));
        assertTrue(refusal("{\"day\": [2024, 5, 13]}").startsWith("day: cannot be read as a date"));
        assertTrue(refusal("{\"form\": 1}").startsWith("form: must be one of"));
        assertEquals("amount: cannot be read as a whole number", refusal("{\"amount\": null}"));
        assertEquals("attendance: is out of range for its type", refusal("{\"attendance\": 2147483648}"));
        assertEquals("keywords[1]: cannot be read as text", refusal("{\"keywords\": [\"a\", 2]}"));
    }

    @Test
    void refusesImpossibleDates() {
        assertThrows(JsonProcessingException.class, () -> read("{\"day\": \"2025-02-30\"}"));
        assertThrows(JsonProcessingException.class, () -> read("{\"startedAt\": \"2025-02-30T08:00:00+07:00\"}"));
    }

    @Test
    void refusesAmbiguousOrOversizedDocuments() {
        assertThrows(JsonProcessingException.class, () -> read("{\"title\": \"a\", \"title\": \"b\"}"));
        assertThrows(JsonProcessingException.class, () -> read("{\"title\": \"a\"} xyz"));
        assertThrows(JsonProcessingException.class, () -> read("{\"value\": " + "9".repeat(101) + "}"));
        assertThrows(JsonProcessingException.class,
                () -> json.readTree("[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1)));
    }

    @Test
    void keepsLineBreaksToFreeText() {
        assertEquals("title: must not contain the control character U+000A (at character 2)",
                refusal("{\"title\": \"Hồ\\nPhai\"}"));
        assertEquals("keywords[0]: must not contain the control character U+0009 (at character 1)",
                refusal("{\"keywords\": [\"a\\tb\"]}"));
    }

    @Test
    void refusesTextNoFieldMayStore() {
        assertEquals("title: must not contain the control character U+0000 (at character 1)",
                refusal("{\"title\": \"a\\u0000b\"}"));
        assertEquals("keywords[0]: must not contain the control character U+001B (at character 0)",
                refusal("{\"keywords\": [\"\\u001b[31m\"]}"));
        assertEquals("title: must not contain an unpaired surrogate (at character 1)",
                refusal("{\"title\": \"a\\ud800\"}"));
    }

    @Test
    void keepsUnicodeAsSent() throws JsonProcessingException {
        String decomposed = "Lao Cai\u0300 \u200f\uD83D\uDE00";
        assertEquals(decomposed, read("{\"amount\": 1, \"title\": \"" + decomposed + "\"}").title());
    }
}
