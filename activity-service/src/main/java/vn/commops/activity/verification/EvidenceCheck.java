package vn.commops.activity.verification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.commops.activity.activity.Activity;
import vn.commops.activity.activity.Evidence;

/**
 * Whether an activity's evidence meets its form's rule, and if not, what is missing, in words a
 * reporter can act on. One item must satisfy every per-item requirement at once (a photo, with
 * position and capture time, near the activity): a photo without position and a position on a
 * document prove less than one geotagged photo.
 */
public final class EvidenceCheck {

    private static final Set<String> PHOTO_ENDINGS = Set.of(".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif",
            ".gif", ".tif", ".tiff");
    private static final double EARTH_RADIUS_METRES = 6_371_000;

    private EvidenceCheck() {
    }

    /**
     * What the activity lacks for its rule; empty when it meets it, or when its form has no rule.
     * {@code attachedPhotos}: the sha256 of the images attached to it as files ({@code AttachedPhotos}).
     */
    public static List<String> missing(VerificationRule rule, Activity activity, Set<String> attachedPhotos) {
        List<String> missing = new ArrayList<>();
        if (rule == null) {
            return missing;
        }
        List<Evidence> items = activity.evidence == null ? List.of() : activity.evidence;
        if (items.size() < rule.minEvidence) {
            missing.add("needs at least " + rule.minEvidence + " evidence item(s), has " + items.size());
        }
        boolean perItem = rule.photoRequired || rule.positionRequired || rule.captureTimeRequired
                || rule.maxDistanceMetres != null || rule.maxMinutesFromActivity != null;
        if (perItem && items.stream().noneMatch(item -> qualifies(rule, activity, item, attachedPhotos))) {
            missing.add("needs " + describe(rule) + "; none of the " + items.size() + " item(s) is one");
        }
        return missing;
    }

    private static boolean qualifies(VerificationRule rule, Activity activity, Evidence item, Set<String> attachedPhotos) {
        if (rule.photoRequired && !(isPhoto(item) || item.sha256() != null && attachedPhotos.contains(item.sha256()))) {
            return false;
        }
        boolean positioned = item.latitude() != null && item.longitude() != null;
        if ((rule.positionRequired || rule.maxDistanceMetres != null) && !positioned) {
            return false;
        }
        if ((rule.captureTimeRequired || rule.maxMinutesFromActivity != null) && item.capturedAt() == null) {
            return false;
        }
        // An activity reported without a position cannot be measured against: the position itself is the proof.
        if (rule.maxDistanceMetres != null && activity.latitude != null && activity.longitude != null
                && metres(activity.latitude, activity.longitude, item.latitude(), item.longitude())
                > rule.maxDistanceMetres) {
            return false;
        }
        return rule.maxMinutesFromActivity == null || near(activity, item.capturedAt(), rule.maxMinutesFromActivity);
    }

    /** A photo by its link's ending, query and fragment left aside. */
    static boolean isPhoto(Evidence item) {
        if (item.url() == null) {
            return false;
        }
        String path = item.url().toLowerCase(Locale.ROOT);
        int end = path.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String trimmed = path.substring(0, end);
        return PHOTO_ENDINGS.stream().anyMatch(trimmed::endsWith);
    }

    private static boolean near(Activity activity, OffsetDateTime captured, int minutes) {
        Duration slack = Duration.ofMinutes(minutes);
        OffsetDateTime end = activity.endedAt != null ? activity.endedAt : activity.startedAt;
        return !captured.isBefore(activity.startedAt.minus(slack)) && !captured.isAfter(end.plus(slack));
    }

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static String describe(VerificationRule rule) {
        List<String> with = new ArrayList<>();
        if (rule.positionRequired || rule.maxDistanceMetres != null) {
            with.add("capture position");
        }
        if (rule.captureTimeRequired || rule.maxMinutesFromActivity != null) {
            with.add("capture time");
        }
        String what = (rule.photoRequired ? "a photo" : "an item") + (with.isEmpty() ? "" : " with " + String.join(" and ", with));
        if (rule.maxDistanceMetres != null) {
            what += ", within " + rule.maxDistanceMetres + " m of the activity";
        }
        if (rule.maxMinutesFromActivity != null) {
            what += ", taken within " + rule.maxMinutesFromActivity + " min of the activity";
        }
        return what;
    }
}
