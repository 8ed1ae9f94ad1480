package vn.commops.activity.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;

/** Stored activities keep the hash they were stored with, so a replay of them stays unchanged. */
class ActivityContentTest {

    @Test
    void theHashIsTheOneActivitiesWereStoredWith() throws Exception {
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 0; i < 2_000; i++) {
            ActivityRequest request = request(random);
            assertEquals(firstDefinition(ActivityContent.from(request)), ActivityContent.from(request).contentHash);
        }
    }

    @Test
    void theSameContentAtAnotherOffsetIsTheSameContent() {
        SplittableRandom random = new SplittableRandom(5);
        ActivityRequest vietnam = request(random);
        ActivityRequest utc = new ActivityRequest(vietnam.orgUnitCode(), vietnam.form(), vietnam.title(), vietnam.place(),
                vietnam.latitude(), vietnam.longitude(), vietnam.startedAt().withOffsetSameInstant(ZoneOffset.UTC),
                vietnam.endedAt(), vietnam.campaignId(), vietnam.assignmentId(), vietnam.attendance(), vietnam.reach(),
                vietnam.plays(), vietnam.interactions(), vietnam.quantity(), vietnam.quantityUnit(),
                vietnam.durationMinutes(), vietnam.link(), vietnam.newSocialInsurance(), vietnam.newHealthInsurance(),
                vietnam.breakdowns(),                 vietnam.appInstalls(), vietnam.nonCashConversions(), vietnam.booksAndCardsDonated(), vietnam.costVnd(),
                vietnam.communicatorIds(), vietnam.evidence(), vietnam.externalId(), vietnam.clientId(), true, null);
        assertEquals(ActivityContent.from(vietnam).contentHash, ActivityContent.from(utc).contentHash);
        assertNotEquals(ActivityContent.from(vietnam).contentHash, ActivityContent.from(request(random)).contentHash);
    }

    /** The canonical text and hash as ActivityContent first defined them. */
    private static String firstDefinition(Activity a) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Object value : new Object[] {a.orgUnitCode, a.form, a.title, a.place, a.latitude, a.longitude,
                a.startedAt == null ? null : a.startedAt.toInstant(), a.endedAt == null ? null : a.endedAt.toInstant(),
                a.campaignId, a.assignmentId, a.attendance, a.reach, a.plays, a.interactions, a.quantity,
                a.quantityUnit, a.durationMinutes, a.link, a.newSocialInsurance, a.newHealthInsurance, a.appInstalls,
                a.nonCashConversions, a.booksAndCardsDonated, a.costVnd, a.communicatorIds}) {
            text.append(value == null ? "\u0000" : value.toString()).append('\u001f');
        }
        if (a.evidence != null) {
            for (Evidence e : a.evidence) {
                for (Object value : new Object[] {e.url(), e.sha256(),
                        e.capturedAt() == null ? null : e.capturedAt().toInstant(), e.latitude(), e.longitude()}) {
                    text.append(value == null ? "\u0000" : value.toString()).append('\u001f');
                }
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static ActivityRequest request(SplittableRandom random) {
        OffsetDateTime start = OffsetDateTime.of(2024, 5, 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                random.nextInt(60), random.nextBoolean() ? 0 : random.nextInt(1_000_000_000), ZoneOffset.ofHours(7));
        boolean sparse = random.nextBoolean();
        return new ActivityRequest("LC-" + random.nextInt(100), Fixtures.SEEDED_FORMS.get(random.nextInt(Fixtures.SEEDED_FORMS.size())),
                "Tuyên truyền chính sách BHXH tự nguyện 👍 #" + random.nextInt(), sparse ? null : "Nhà văn hoá thôn " + random.nextInt(500),
                sparse ? null : random.nextDouble(-90, 90), sparse ? null : random.nextDouble(-180, 180), start,
                sparse ? null : start.plusMinutes(random.nextInt(600)), sparse ? null : UUID.randomUUID(), null,
                random.nextInt(1000), sparse ? null : random.nextLong(1_000_000), null, random.nextLong(5000),
                random.nextInt(20), "banners", random.nextInt(120), sparse ? null : "https://baolaocai.vn/" + random.nextInt(),
                random.nextInt(10), random.nextInt(10), null, random.nextInt(10), random.nextInt(10), random.nextInt(10),
                random.nextLong(10_000_000), sparse ? null : List.of(UUID.randomUUID(), UUID.randomUUID()),
                sparse ? null : List.of(new Evidence("https://x.vn/a.jpg", null, start, 22.3, 104.1),
                        new Evidence("https://x.vn/b.jpg", "ab".repeat(32), null, null, null)),
                "ext-" + random.nextInt(), null, null, null);
    }
}
