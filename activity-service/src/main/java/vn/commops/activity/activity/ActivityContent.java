package vn.commops.activity.activity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.hibernate.engine.spi.ExtendedSelfDirtinessTracker;
import vn.commops.activity.bulk.ActivityRows;
import vn.commops.activity.breakdown.Breakdowns;
import vn.commops.activity.bulk.Utf8;
import vn.commops.activity.json.IsoDateTimes;

/**
 * The reported content of an activity and its fingerprint. Two reports with the same content have the
 * same hash whatever their offsets or field order, so a replay is recognised without reading the row.
 */
public final class ActivityContent {

    private static final char SEPARATOR = '\u001f';

    private ActivityContent() {
    }

    /**
     * A detached activity holding the request's content and its hash; identities are set by the
     * writer, and {@link ActivityRows} writes it by JDBC. Hibernate never manages it, so its dirty
     * tracking, which grows an array by one name for every field set, is suspended: persisting it
     * through Hibernate and then changing it would lose those changes.
     */
    public static Activity from(ActivityRequest request) {
        Activity a = new Activity();
        if ((Object) a instanceof ExtendedSelfDirtinessTracker tracked) {
            tracked.$$_hibernate_suspendDirtyTracking(true);
        }
        a.orgUnitCode = request.orgUnitCode();
        a.form = request.form();
        a.title = request.title().strip();
        a.place = request.place();
        a.latitude = request.latitude();
        a.longitude = request.longitude();
        a.startedAt = request.startedAt();
        a.endedAt = request.endedAt();
        a.campaignId = request.campaignId();
        a.assignmentId = request.assignmentId();
        a.attendance = request.attendance();
        a.reach = request.reach();
        a.plays = request.plays();
        a.interactions = request.interactions();
        a.quantity = request.quantity();
        a.quantityUnit = request.quantityUnit();
        a.durationMinutes = request.durationMinutes();
        a.link = request.link();
        a.newSocialInsurance = request.newSocialInsurance();
        a.newHealthInsurance = request.newHealthInsurance();
        a.appInstalls = request.appInstalls();
        a.nonCashConversions = request.nonCashConversions();
        a.booksAndCardsDonated = request.booksAndCardsDonated();
        a.costVnd = request.costVnd();
        a.communicatorIds = request.communicatorIds() == null || request.communicatorIds().isEmpty() ? null
                : List.copyOf(request.communicatorIds());
        a.evidence = request.evidence() == null || request.evidence().isEmpty() ? null : List.copyOf(request.evidence());
        a.breakdowns = Breakdowns.normalised(request.breakdowns());
        a.contentHash = hash(a);
        return a;
    }

    static String hash(Activity a) {
        Canonical text = CANONICAL.get().reset();
        text.add(a.orgUnitCode).add(a.form).add(a.title).add(a.place).add(a.latitude).add(a.longitude)
                .add(a.startedAt == null ? null : a.startedAt.toInstant())
                .add(a.endedAt == null ? null : a.endedAt.toInstant()).add(a.campaignId).add(a.assignmentId)
                .add(a.attendance).add(a.reach).add(a.plays).add(a.interactions).add(a.quantity).add(a.quantityUnit)
                .add(a.durationMinutes).add(a.link).add(a.newSocialInsurance).add(a.newHealthInsurance)
                .add(a.appInstalls).add(a.nonCashConversions).add(a.booksAndCardsDonated).add(a.costVnd)
                .add(a.communicatorIds);
        if (a.evidence != null) {
            for (Evidence e : a.evidence) {
                // A file stored here hashes alike whether named by its hash or by the link it was given.
                text.add(e.namesStoredFile() ? null : e.url()).add(e.sha256()).add(e.capturedAt() == null ? null : e.capturedAt().toInstant())
                        .add(e.latitude()).add(e.longitude());
            }
        }
        if (a.breakdowns != null) {
            // Only when split: the hashes of activities stored before breakdowns existed stay as they were.
            text.add("breakdowns");
            a.breakdowns.flat().forEach((count, value) -> text.add(count).add(value));
        }
        return text.sha256();
    }

    private static final ThreadLocal<Canonical> CANONICAL = ThreadLocal.withInitial(Canonical::new);

    /**
     * The hashed text: every value's {@code toString()}, NUL for null, each followed by U+001F, in
     * UTF-8. Stored hashes were made from exactly this text, so it may never change; the buffers
     * and the digest are kept per thread because a batch hashes ten thousand of them.
     */
    private static final class Canonical {
        private final StringBuilder text = new StringBuilder(512);
        private final MessageDigest digest;
        private byte[] bytes = new byte[1024];

        Canonical() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Canonical reset() {
            text.setLength(0);
            return this;
        }

        Canonical add(Object value) {
            if (value == null) {
                text.append('\u0000');
            } else if (value instanceof Integer number) {
                text.append(number.intValue());
            } else if (value instanceof Long number) {
                text.append(number.longValue());
            } else if (value instanceof Instant instant) {
                IsoDateTimes.appendInstant(text, instant);
            } else {
                text.append(value);
            }
            text.append(SEPARATOR);
            return this;
        }

        String sha256() {
            if (bytes.length < Utf8.maxBytes(text.length())) {
                bytes = new byte[Utf8.maxBytes(text.length())];
            }
            int length = Utf8.encode(text, bytes, 0);
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
