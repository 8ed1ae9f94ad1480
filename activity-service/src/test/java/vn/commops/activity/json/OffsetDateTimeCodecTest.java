package vn.commops.activity.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The codec must answer exactly what the Java-time module answers, only faster. */
class OffsetDateTimeCodecTest {

    record Visit(OffsetDateTime at) {
    }

    record Formatted(@JsonFormat(pattern = "dd/MM/yyyy HH:mm XXX") OffsetDateTime at) {
    }

    private static ObjectMapper plain() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private static ObjectMapper withCodec() {
        return plain().registerModule(new OffsetDateTimeCodec());
    }

    @Test
    void readsEveryTextAsTheJavaTimeModuleDoes() throws Exception {
        List<String> texts = new ArrayList<>(List.of(
                "2024-05-13T08:00:00+07:00", "2024-05-13T08:00+07:00", "2024-05-13t08:00:00z", "2024-05-13T08:00:00Z",
                "2024-05-13T08:00:00.5+07:00", "2024-05-13T08:00:00.123456789-03:30", "2024-05-13T08:00:00.1234567891Z",
                "2024-05-13T08:00:00-00:00", "2024-05-13T08:00:00+18:00", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00+01:00", " 2024-05-13T08:00:00+07:00 ",
                "2024-05-13T08:00:00+0700", "2024-05-13T08:00:00+07", "2024-05-13T08:00:00+07:00:30", "1715562000000",
                "+12024-05-13T08:00:00Z"));
        SplittableRandom random = new SplittableRandom(20240513);
        for (int i = 0; i < 5_000; i++) {
            texts.add(randomText(random));
        }
        for (String text : texts) {
            String json = "{\"at\":\"" + text + "\"}";
            assertEquals(outcome(plain(), json), outcome(withCodec(), json), text);
        }
    }

    @Test
    void refusesWhatTheJavaTimeModuleRefuses() {
        for (String text : List.of("2023-02-29T12:00:00Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z",
                "2024-05-13T24:00:00Z", "2024-05-13T23:60:00Z", "2024-05-13T23:59:60Z", "2024-05-13T08:00:00+19:00",
                "2024-05-13T08:00:00+07:60", "2024-05-13 08:00:00Z", "13/05/2024",
                "2024-05-13T08:00:00", "2024-05-13T08:00:00+07:00x")) {
            String json = "{\"at\":\"" + text + "\"}";
            assertEquals(outcome(plain(), json), outcome(withCodec(), json), text);
            assertThrows(JsonProcessingException.class, () -> withCodec().readValue(json, Visit.class), text);
        }
    }

    @Test
    void adjustsToTheMappersTimeZoneOrKeepsTheOffsetAsConfigured() {
        String json = "{\"at\":\"2024-05-13T08:00:00+07:00\"}";
        for (ObjectMapper[] pair : List.of(
                new ObjectMapper[] {plain(), withCodec()},
                new ObjectMapper[] {plain().setTimeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh")),
                        withCodec().setTimeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"))},
                new ObjectMapper[] {plain().disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE),
                        withCodec().disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)})) {
            assertEquals(outcome(pair[0], json), outcome(pair[1], json));
        }
    }

    @Test
    void writesEveryValueAsTheJavaTimeModuleDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        List<OffsetDateTime> values = new ArrayList<>(List.of(OffsetDateTime.MIN, OffsetDateTime.MAX,
                OffsetDateTime.of(2024, 5, 13, 8, 0, 0, 0, ZoneOffset.ofHours(7)),
                OffsetDateTime.of(2024, 5, 13, 8, 0, 0, 120_000_000, ZoneOffset.UTC),
                OffsetDateTime.of(-5, 1, 1, 0, 0, 0, 1, ZoneOffset.ofHoursMinutesSeconds(-3, -30, -15)),
                OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        for (int i = 0; i < 5_000; i++) {
            values.add(randomValue(random));
        }
        ObjectMapper plain = plain();
        ObjectMapper codec = withCodec();
        for (OffsetDateTime value : values) {
            assertEquals(plain.writeValueAsString(new Visit(value)), codec.writeValueAsString(new Visit(value)),
                    value.toString());
        }
        for (ObjectMapper[] pair : List.of(
                new ObjectMapper[] {plain().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
                        withCodec().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)},
                // as Quarkus configures its mapper: UTC set explicitly, written in it
                new ObjectMapper[] {plain().setTimeZone(TimeZone.getTimeZone("UTC")),
                        withCodec().setTimeZone(TimeZone.getTimeZone("UTC"))},
                new ObjectMapper[] {plain().setTimeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh")),
                        withCodec().setTimeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"))},
                new ObjectMapper[] {plain().setTimeZone(TimeZone.getTimeZone("America/New_York"))
                        .disable(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE),
                        withCodec().setTimeZone(TimeZone.getTimeZone("America/New_York"))
                                .disable(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)})) {
            for (OffsetDateTime value : values) {
                Visit visit = new Visit(value);
                assertEquals(outcomeOfWriting(pair[0], visit), outcomeOfWriting(pair[1], visit), value.toString());
            }
        }
    }

    @Test
    void aPropertyWithItsOwnFormatKeepsIt() throws Exception {
        Formatted value = new Formatted(OffsetDateTime.of(2024, 5, 13, 8, 0, 0, 0, ZoneOffset.ofHours(7)));
        assertEquals(plain().writeValueAsString(value), withCodec().writeValueAsString(value));
        String json = "{\"at\":\"13/05/2024 08:00 +07:00\"}";
        assertEquals(outcome(plain(), json), outcome(withCodec(), json));
    }

    @Test
    void plainPropertiesAndRootValuesGoThroughTheFastPath() throws Exception {
        ObjectMapper mapper = withCodec().setTimeZone(TimeZone.getTimeZone("UTC"));
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), mapper.createParser("{}"), mapper.getInjectableValues());
        BeanDeserializer visit = (BeanDeserializer) context.findRootValueDeserializer(mapper.constructType(Visit.class));
        assertInstanceOf(OffsetDateTimeCodec.Reader.class, visit.findProperty("at").getValueDeserializer());
        BeanDeserializerBase formattedReader = (BeanDeserializerBase) context.findRootValueDeserializer(
                mapper.constructType(Formatted.class));
        Object formattedAt = formattedReader.findProperty("at").getValueDeserializer();
        assertFalse(formattedAt instanceof OffsetDateTimeCodec.Reader);
        assertInstanceOf(OffsetDateTimeCodec.Reader.class,
                context.findRootValueDeserializer(mapper.constructType(OffsetDateTime.class)));
        SerializerProvider provider = mapper.getSerializerProviderInstance();
        assertInstanceOf(OffsetDateTimeCodec.Writer.class, provider.findValueSerializer(OffsetDateTime.class));
        BeanSerializerBase visits = (BeanSerializerBase) provider.findValueSerializer(Visit.class);
        visits.properties().forEachRemaining(property -> assertInstanceOf(OffsetDateTimeCodec.Writer.class,
                ((BeanPropertyWriter) property).getSerializer(), property.getName()));
        BeanSerializerBase formatted = (BeanSerializerBase) provider.findValueSerializer(Formatted.class);
        formatted.properties().forEachRemaining(property -> assertFalse(
                (Object) ((BeanPropertyWriter) property).getSerializer() instanceof OffsetDateTimeCodec.Writer));
    }

    @Test
    void instantsAreWrittenAsInstantToStringWrites() {
        SplittableRandom random = new SplittableRandom(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.ofEpochSecond(-1, 1), Instant.ofEpochSecond(1, 1_000), Instant.ofEpochSecond(1, 1_000_000)));
        for (int i = 0; i < 5_000; i++) {
            instants.add(randomValue(random).toInstant());
        }
        for (Instant instant : instants) {
            assertEquals(instant.toString(), IsoDateTimes.appendInstant(new StringBuilder(), instant).toString());
        }
    }

    @Test
    void theFastParserDeclinesRatherThanGuesses() {
        for (String text : List.of("2024-05-13T08:00:00+0700", "2024-05-13T08:00:00+07", "2024-05-13T08:00Z+",
                "2024-05-13T08:00:00.Z", "2024-05-13T08:00:00.1234567891Z", "2023-02-29T12:00:00Z", "short")) {
            assertNull(IsoDateTimes.parseOffsetDateTime(text), text);
        }
    }

    private static String outcomeOfWriting(ObjectMapper mapper, Visit visit) {
        try {
            return mapper.writeValueAsString(visit);
        } catch (JsonProcessingException | DateTimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** The value read, or the kind of error, as comparable text. */
    private static String outcome(ObjectMapper mapper, String json) {
        try {
            OffsetDateTime value = json.contains("/") ? mapper.readValue(json, Formatted.class).at()
                    : mapper.readValue(json, Visit.class).at();
            return value + " " + value.getOffset();
        } catch (JsonProcessingException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static String randomText(SplittableRandom random) {
        OffsetDateTime value = randomValue(random);
        String local = value.toLocalDateTime().format(switch (random.nextInt(3)) {
            case 0 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
            case 1 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
            default -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");
        });
        String offset = value.getOffset().getTotalSeconds() % 60 == 0 ? value.getOffset().getId() : "Z";
        return local + offset;
    }

    private static OffsetDateTime randomValue(SplittableRandom random) {
        LocalDateTime local = LocalDateTime.of(random.nextInt(0, 10_000), random.nextInt(1, 13), random.nextInt(1, 29),
                random.nextInt(24), random.nextInt(60), random.nextInt(60),
                random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        ZoneOffset offset = random.nextInt(4) == 0 ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 15 * 60);
        return OffsetDateTime.of(local, offset);
    }
}
