package vn.commops.activity.activity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The reported content of an activity and its fingerprint. Two reports with the same content have the
 * same hash whatever their offsets or field order, so a replay is recognised without reading the row.
 */
public final class ActivityContent {

    private static final char SEPARATOR = '\u001f';

    private ActivityContent() {
    }

    /** A detached activity holding the request's content and its hash; identities are set by the writer. */
    public static Activity from(ActivityRequest request) {
        Activity a = new Activity();
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
        a.contentHash = hash(a);
        return a;
    }

    static String hash(Activity a) {
        StringBuilder text = new StringBuilder(256);
        append(text, a.orgUnitCode, a.form, a.title, a.place, a.latitude, a.longitude,
                a.startedAt == null ? null : a.startedAt.toInstant(), a.endedAt == null ? null : a.endedAt.toInstant(),
                a.campaignId, a.assignmentId, a.attendance, a.reach, a.plays, a.interactions, a.quantity,
                a.quantityUnit, a.durationMinutes, a.link, a.newSocialInsurance, a.newHealthInsurance, a.appInstalls,
                a.nonCashConversions, a.booksAndCardsDonated, a.costVnd, a.communicatorIds);
        if (a.evidence != null) {
            for (Evidence e : a.evidence) {
                append(text, e.url(), e.sha256(), e.capturedAt() == null ? null : e.capturedAt().toInstant(),
                        e.latitude(), e.longitude());
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder text, Object... values) {
        for (Object value : values) {
            text.append(value == null ? "\u0000" : value.toString()).append(SEPARATOR);
        }
    }
}
