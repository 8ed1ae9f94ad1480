package vn.commops.activity.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import vn.commops.activity.activity.Activity;
import vn.commops.activity.activity.ActivityContent;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.activity.activity.Evidence;
import vn.commops.activity.activity.VerificationStatus;

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

    @Test
    void aRowCopiedHoldsEveryColumnAsTheInsertWritesIt() {
        String run = UUID.randomUUID().toString();
        List<Activity> copied = activities(run + "-copied", ActivityRows.COPY_FROM_ROWS);
        copied.forEach(ActivityRowsTest::fillEveryColumn);
        Activity inserted = fillEveryColumn(activity(run + "-inserted-0", 10));

        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(rows.insertAllNew(copied));
            assertEquals(Set.of(inserted.id), rows.insert(List.of(inserted)));
        });

        assertEquals(row(inserted.id), row(copied.get(0).id));
    }

    /** Every column but those that tell the two rows apart. */
    private String row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select cast(to_jsonb(a) - 'id' - 'external_id' - 'client_id' - 'idempotency_key' - 'change_seq' as text) "
                        + "from activity a where a.id = :id").setParameter("id", id).getSingleResult());
    }

    private static Activity fillEveryColumn(Activity a) {
        a.title = "Nhóm nhỏ thôn Hồ Phai";
        a.contentHash = "9b74c9897bac770ffc029102a200c5de";
        a.createdAt = OffsetDateTime.of(2024, 5, 13, 10, 15, 30, 123_456_000, ZoneOffset.ofHours(7));
        a.updatedAt = a.createdAt.plusMinutes(5);
        a.place = "Nhà văn hoá thôn Hồ Phai";
        a.latitude = 22.4856;
        a.longitude = 103.9707;
        a.endedAt = a.startedAt.plusHours(2);
        a.campaignId = UUID.fromString("0f8e2d4c-6b1a-4c3e-9d7f-5a2b8c1e4f60");
        a.assignmentId = UUID.fromString("5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13");
        a.reach = 1_200L;
        a.plays = 18_600L;
        a.interactions = 2_000L;
        a.quantity = 3;
        a.quantityUnit = "buổi";
        a.durationMinutes = 90;
        a.link = "https://bhxh.laocai.gov.vn/tin/1";
        a.newSocialInsurance = 4;
        a.newHealthInsurance = 7;
        a.appInstalls = 5;
        a.nonCashConversions = 2;
        a.booksAndCardsDonated = 1;
        a.costVnd = 500_000L;
        a.communicatorIds = List.of(UUID.fromString("7c1e9a40-2b3d-4e5f-8a6b-9c0d1e2f3a4b"));
        a.evidence = List.of(new Evidence("https://bhxh.laocai.gov.vn/anh/1.jpg",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", a.startedAt, 22.4856, 103.9707));
        a.partnerId = "vnpost-lc";
        a.clientId = UUID.randomUUID();
        a.idempotencyKey = UUID.randomUUID().toString();
        a.revision = 2;
        a.verificationStatus = VerificationStatus.VERIFIED;
        a.withdrawn = true;
        a.lastChange = Activity.Change.CORRECTED;
        a.changeReason = "số liệu sai";
        a.version = 1;
        return a;
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
        Activity activity = ActivityContent.from(new ActivityRequest("ROWS-TEST", "SMALL_GROUP",
                "Nhóm nhỏ " + externalId, null, null, null, OffsetDateTime.of(2024, 5, 13, 8, 0, 0, 0, ZoneOffset.ofHours(7)),
                null, null, null, attendance, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
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
