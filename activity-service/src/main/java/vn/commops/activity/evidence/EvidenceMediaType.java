package vn.commops.activity.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file accepted as evidence, recognised by their first bytes: a name or a declared type
 * says nothing about what a file is, and a script renamed .jpg must not be served back as a photo.
 */
public enum EvidenceMediaType {
    JPEG("image/jpeg", Kind.PHOTO, "jpg"),
    PNG("image/png", Kind.PHOTO, "png"),
    WEBP("image/webp", Kind.PHOTO, "webp"),
    HEIC("image/heic", Kind.PHOTO, "heic"),
    MP4("video/mp4", Kind.VIDEO, "mp4"),
    PDF("application/pdf", Kind.DOCUMENT, "pdf");

    public enum Kind {
        PHOTO, VIDEO, DOCUMENT
    }

    /** Bytes enough to tell every type apart. */
    static final int HEAD = 16;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
            "msf1");

    private final String mediaType;
    private final Kind kind;
    private final String extension;

    EvidenceMediaType(String mediaType, Kind kind, String extension) {
        this.mediaType = mediaType;
        this.kind = kind;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public Kind kind() {
        return kind;
    }

    public String extension() {
        return extension;
    }

    /** Whether ImageIO can read it (for thumbnails and EXIF). */
    public boolean decodable() {
        return this == JPEG || this == PNG;
    }

    public static Optional<EvidenceMediaType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
    }

    /** What the first bytes of a file say it is. */
    static Optional<EvidenceMediaType> sniff(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, length, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        // ISO base media files (MP4, HEIF) open with a box 'ftyp' whose major brand names the family.
        if (length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            return Optional.of(HEIF_BRANDS.contains(ascii(head, 8, 4)) ? HEIC : MP4);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, byte[] prefix) {
        return length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] head, int from, int count) {
        return new String(head, from, count, StandardCharsets.ISO_8859_1);
    }
}
