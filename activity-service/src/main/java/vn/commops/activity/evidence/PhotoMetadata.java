package vn.commops.activity.evidence;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When and where a photo says it was taken (EXIF DateTimeOriginal with OffsetTimeOriginal, GPS). Most
 * cameras write no offset: their clock is local time, taken here as the agency's zone, where the
 * activities happen. A photo without EXIF, or with EXIF that cannot be read, simply says nothing.
 */
record PhotoMetadata(OffsetDateTime capturedAt, Double latitude, Double longitude) {

    static final PhotoMetadata NONE = new PhotoMetadata(null, null, null);

    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final int OFFSET_TIME_ORIGINAL = 0x9011;

    static PhotoMetadata read(InputStream photo) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(photo);
            OffsetDateTime capturedAt = null;
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null && exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL) != null) {
                capturedAt = time(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL).trim(),
                        exif.getString(OFFSET_TIME_ORIGINAL));
            }
            Double latitude = null;
            Double longitude = null;
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            GeoLocation location = gps == null ? null : gps.getGeoLocation();
            if (location != null && !location.isZero() && Math.abs(location.getLatitude()) <= 90
                    && Math.abs(location.getLongitude()) <= 180) {
                latitude = location.getLatitude();
                longitude = location.getLongitude();
            }
            return new PhotoMetadata(capturedAt, latitude, longitude);
        } catch (ImageProcessingException | IOException | RuntimeException unreadable) {
            return NONE;
        }
    }

    private static OffsetDateTime time(String local, String offset) {
        try {
            LocalDateTime time = LocalDateTime.parse(local, EXIF_TIME);
            if (offset != null && !offset.isBlank()) {
                try {
                    return time.atOffset(ZoneOffset.of(offset.trim()));
                } catch (RuntimeException badOffset) {
                    // an offset we cannot read is no offset
                }
            }
            return time.atZone(AGENCY_ZONE).toOffsetDateTime();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
