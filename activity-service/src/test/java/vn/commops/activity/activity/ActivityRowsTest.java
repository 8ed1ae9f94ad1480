package vn.commops.activity.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bulk inserts when a unique key is already taken, as when a concurrent request stored a record first. */
@QuarkusTest
class ActivityRowsTest {

    @Inject
    ActivityRows rows;

    @Inject
    EntityManager entityManager;

    @Test
    void aCopyRefusedByATakenKeyFallsBackToInsertingTheOthers() {
        String run = UUID.randomUUID().toString();
        List<Activity> batch = activities(run, 60);
        QuarkusTransaction.requiringNew().run(() -> rows.insert(List.of(copyOf(batch.get(30)))));

        Set<UUID> inserted = QuarkusTransaction.requiringNew().call(() -> rows.insert(batch));

        assertEquals(59, inserted.size());
        assertFalse(inserted.contains(batch.get(30).id));
        assertEquals(60, stored(run));
    }

    @Test
    void takenAsAllNewABatchWithATakenKeyWritesNothingAndLeavesTheTransactionUsable() {
        String run = UUID.randomUUID().toString();
        List<Activity> batch = activities(run, 60);
        QuarkusTransaction.requiringNew().run(() -> rows.insert(List.of(copyOf(batch.get(59)))));

        QuarkusTransaction.requiringNew().run(() -> {
            assertFalse(rows.insertAllNew(batch));
            rows.insert(batch.subList(0, 59));
        });

        assertEquals(60, stored(run));
    }

    private long stored(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from activity where external_id like :run")
                .setParameter("run", run + "%").getSingleResult()).longValue());
    }

    private static List<Activity> activities(String run, int count) {
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            activities.add(activity(run + "-" + i, 10 + i));
        }
        return activities;
    }

    /** The same identity under another id, as another request would have stored it. */
    private static Activity copyOf(Activity activity) {
        return activity(activity.externalId, activity.attendance);
    }

    private static Activity activity(String externalId, int attendance) {
        Activity activity = ActivityContent.from(new ActivityRequest("ROWS-TEST", ActivityForm.SMALL_GROUP,
                "Nhóm nhỏ " + externalId, null, null, null, OffsetDateTime.of(2024, 5, 13, 8, 0, 0, 0, ZoneOffset.ofHours(7)),
                null, null, null, attendance, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, externalId, null, null, null));
        activity.id = TimeOrderedIds.next();
        activity.reporter = "unit:ROWS-TEST";
        activity.externalId = externalId;
        activity.revision = 1;
        activity.verificationStatus = VerificationStatus.REPORTED;
        activity.lastChange = Activity.Change.RECORDED;
        activity.changedBy = "test";
        activity.createdAt = OffsetDateTime.now();
        activity.updatedAt = activity.createdAt;
        return activity;
    }
}
