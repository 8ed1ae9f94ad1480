package vn.commops.plan.assignment;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.RecordBatchFake;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/**
 * Activity events are applied a poll's worth at a time: a poison event in the middle of a batch is nacked
 * (dead-lettered) alone while the others count, and a batch delivered again counts nothing twice. The batches
 * are handed to the consumer directly, so that their make-up is certain; the same over Kafka, where the
 * dead-letter topic is checked, follows.
 */
@QuarkusTest
class ActivityBatchTest {

    @Inject
    ActivityProgressConsumer consumer;

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void awaitDone(String assignment, int done) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertEquals(done, asNationalAdmin().when().get("/api/v1/assignments/" + assignment).then()
                        .statusCode(200).extract().<Integer>path("progress.doneQuantity"), "doneQuantity"));
    }

    private static String assignment(String unit) {
        return AssignmentFixtures.create(AssignmentFixtures.assignment(null, unit, "SMALL_GROUP", 100, 0,
                TODAY.toString(), TODAY.plusDays(29).toString(), Map.of()));
    }

    private static String recorded(UUID activity, String assignment, String unit, int quantity) {
        return AssignmentFixtures.activity("activity.recorded", activity, 1, assignment, unit, quantity, 0, false);
    }

    private static String eventId(String event) throws Exception {
        return JSON.readTree(event).path("id").asText();
    }

    @Test
    void aPoisonEventInTheMiddleOfABatchIsNackedAloneAndTheOthersApply() throws Exception {
        String unit = OrgUnitFixtures.tree()[2];
        String id = assignment(unit);
        ObjectNode poison = (ObjectNode) JSON.readTree(recorded(UUID.randomUUID(), id, unit, 50));
        ((ObjectNode) poison.get("data")).remove("activityId");
        RecordBatchFake batch = new RecordBatchFake(UUID.randomUUID().toString(), recorded(UUID.randomUUID(), id, unit, 2),
                recorded(UUID.randomUUID(), id, unit, 7), poison.toString(), "not json at all",
                recorded(UUID.randomUUID(), id, unit, 3));

        consumer.apply(batch).toCompletableFuture().get(20, TimeUnit.SECONDS);

        awaitDone(id, 12);
        for (int i : new int[] {0, 1, 4}) {
            assertEquals(List.of(1, 0), List.of(batch.record(i).acks, batch.record(i).nacks), "record " + i);
        }
        for (int i : new int[] {2, 3}) {
            assertEquals(List.of(0, 1), List.of(batch.record(i).acks, batch.record(i).nacks), "poison record " + i);
        }
    }

    @Test
    void aBatchAppliedAgainChangesNothing() throws Exception {
        String unit = OrgUnitFixtures.tree()[2];
        String id = assignment(unit);
        UUID activity = UUID.randomUUID();
        String recorded = recorded(activity, id, unit, 4);
        String corrected = AssignmentFixtures.activity("activity.corrected", activity, 2, id, unit, 6, 0, false);
        String other = recorded(UUID.randomUUID(), id, unit, 1);
        String key = UUID.randomUUID().toString();

        consumer.apply(new RecordBatchFake(key, recorded, other, recorded, corrected, other))
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        awaitDone(id, 7);
        RecordBatchFake again = new RecordBatchFake(key, recorded, other, corrected);
        consumer.apply(again).toCompletableFuture().get(20, TimeUnit.SECONDS);
        consumer.apply(new RecordBatchFake(key, recorded(UUID.randomUUID(), id, unit, 10)))
                .toCompletableFuture().get(20, TimeUnit.SECONDS);

        awaitDone(id, 17);
        assertEquals(List.of(1, 0), List.of(again.record(0).acks, again.record(0).nacks));
    }

    @Test
    void aPoisonEventInABatchIsDeadLetteredAloneAndTheOthersCount() throws Exception {
        String unit = OrgUnitFixtures.tree()[2];
        String id = assignment(unit);
        String key = UUID.randomUUID().toString();
        String first = recorded(UUID.randomUUID(), id, unit, 2);
        ObjectNode poison = (ObjectNode) JSON.readTree(recorded(UUID.randomUUID(), id, unit, 50));
        ((ObjectNode) poison.get("data")).remove("activityId");
        String last = recorded(UUID.randomUUID(), id, unit, 3);

        TopicProbe.send("activities", key, first, poison.toString(), last);

        awaitDone(id, 5);
        String poisonId = poison.path("id").asText();
        TopicProbe.awaitMessage("dead-letter.plan-service", m -> poisonId.equals(m.value().path("id").asText()),
                Duration.ofSeconds(20));
        for (String applied : new String[] {first, last}) {
            String appliedId = eventId(applied);
            assertThrows(AssertionError.class, () -> TopicProbe.awaitMessage("dead-letter.plan-service",
                    m -> appliedId.equals(m.value().path("id").asText()), Duration.ofSeconds(3)),
                    "an applied event was dead-lettered with the poison one");
        }
    }

    @Test
    void aBatchDeliveredAgainCountsEachEventOnce() {
        String unit = OrgUnitFixtures.tree()[2];
        String id = assignment(unit);
        String key = UUID.randomUUID().toString();
        UUID activity = UUID.randomUUID();
        String recorded = recorded(activity, id, unit, 4);
        String corrected = AssignmentFixtures.activity("activity.corrected", activity, 2, id, unit, 6, 0, false);
        String other = recorded(UUID.randomUUID(), id, unit, 1);

        TopicProbe.send("activities", key, recorded, other, corrected, recorded, other, corrected);
        TopicProbe.send("activities", key, recorded, other, corrected);
        String marker = recorded(UUID.randomUUID(), id, unit, 10);
        TopicProbe.send("activities", key, marker);

        // the marker comes after every redelivery on the same partition: once it counts, they all were seen
        awaitDone(id, 6 + 1 + 10);
    }
}
