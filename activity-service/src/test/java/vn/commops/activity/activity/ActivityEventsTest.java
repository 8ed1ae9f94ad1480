package vn.commops.activity.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.activity.breakdown.Breakdown;
import vn.commops.activity.breakdown.Breakdowns;
import vn.commops.activity.json.OffsetDateTimeCodec;
import vn.commops.activity.Fixtures;
import vn.commops.activity.form.ChannelFamily;

/** The event payload is a contract with indicator- and plan-service: its hand-written JSON must be Jackson's. */
class ActivityEventsTest {

    @Test
    void aRevisionIsWrittenFieldForFieldAsJacksonWritesTheRecord() throws Exception {
        ObjectMapper handWritten = mapper();
        ObjectMapper jackson = mapper().setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated annotated) {
                return annotated.getRawType() == ActivityEvents.Revision.class ? null : super.findSerializer(annotated);
            }
        });
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            ActivityEvents.Revision revision = revision(random);
            assertEquals(jackson.writeValueAsString(revision), handWritten.writeValueAsString(revision));
            assertEquals(jackson.valueToTree(revision), handWritten.valueToTree(revision));
        }
    }

    /** As Quarkus configures every service's mapper, with the platform's date-time codec. */
    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new OffsetDateTimeCodec())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    private static ActivityEvents.Revision revision(SplittableRandom random) {
        boolean sparse = random.nextBoolean();
        String form = Fixtures.SEEDED_FORMS.get(random.nextInt(Fixtures.SEEDED_FORMS.size()));
        ChannelFamily channel = ChannelFamily.values()[random.nextInt(ChannelFamily.values().length)];
        OffsetDateTime start = OffsetDateTime.of(2024, 5, 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                0, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000), ZoneOffset.ofHours(7));
        return new ActivityEvents.Revision(UUID.randomUUID(), 1 + random.nextInt(5), "LC-" + random.nextInt(99),
                sparse ? null : "/VN/LC/LC-" + random.nextInt(99) + "/", form, channel, start,
                sparse ? null : start.plusHours(2), sparse ? null : UUID.randomUUID(), sparse ? null : UUID.randomUUID(),
                sparse ? null : "vnpost-lc", VerificationStatus.values()[random.nextInt(VerificationStatus.values().length)],
                random.nextBoolean(), random.nextInt(100), random.nextLong(10_000), random.nextLong(1_000_000),
                random.nextLong(100_000), random.nextLong(5_000), random.nextLong(10), random.nextLong(10),
                random.nextLong(10), random.nextLong(10), random.nextLong(10), random.nextLong(100_000_000),
                !sparse, sparse ? null : new Breakdowns(new Breakdown(Map.of("FEMALE", 3, "MALE", 4), null,
                        Map.of("STUDENTS", 2)), null, null));
    }
}
