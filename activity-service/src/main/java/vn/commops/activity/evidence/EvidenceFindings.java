package vn.commops.activity.evidence;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a photo's EXIF agrees with the activity it is attached to. A disagreement is shown to the reviewer,
 * never a refusal: cameras have wrong clocks and no GPS, phones strip EXIF, and a photo taken the evening
 * before an early meeting is still good evidence. Null where either side says nothing.
 */
@Schema(name = "EvidenceFindings", description = "How the photo's EXIF time and position agree with the activity's")
public record EvidenceFindings(
        @Schema(description = "Whether the EXIF capture time lies within the activity's startedAt..endedAt, give or "
                + "take the configured tolerance (1 day); null without EXIF time", examples = "true") Boolean timeMatches,
        @Schema(description = "Distance between the EXIF position and the activity's, in km; null when either has "
                + "none", examples = "3.4") Double distanceKm,
        @Schema(description = "Whether that distance is within the configured tolerance (20 km)", examples = "true")
        Boolean positionMatches) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    static EvidenceFindings of(OffsetDateTime capturedAt, Double latitude, Double longitude, OffsetDateTime startedAt,
            OffsetDateTime endedAt, Double activityLatitude, Double activityLongitude, Duration timeTolerance,
            double distanceToleranceKm) {
        Boolean timeMatches = null;
        if (capturedAt != null && startedAt != null) {
            OffsetDateTime end = endedAt == null ? startedAt : endedAt;
            timeMatches = !capturedAt.isBefore(startedAt.minus(timeTolerance))
                    && !capturedAt.isAfter(end.plus(timeTolerance));
        }
        Double distance = null;
        Boolean positionMatches = null;
        if (latitude != null && longitude != null && activityLatitude != null && activityLongitude != null) {
            distance = Math.round(haversineKm(latitude, longitude, activityLatitude, activityLongitude) * 10) / 10.0;
            positionMatches = distance <= distanceToleranceKm;
        }
        return new EvidenceFindings(timeMatches, distance, positionMatches);
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
